namespace Redirector.Domain.Decision;

/// <summary>Identifies a backend by what it is (its LB, host and probed port), not by its
/// place in a list: a reload that reorders or changes the list cannot make a late result
/// name another backend.</summary>
public sealed record BackendKey(string Lb, string Host, int Port);
