namespace Redirector.Domain.Decision;

/// <summary>What the probes say about a backend. Unknown lasts only until its first result.</summary>
public enum Health { Unknown, Up, Down }
