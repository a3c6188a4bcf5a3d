namespace Redirector.Domain.Decision;

/// <summary>During a failover, what a backend's first result since the failure said.</summary>
public enum Confirmation { Pending, Succeeded, Failed }
