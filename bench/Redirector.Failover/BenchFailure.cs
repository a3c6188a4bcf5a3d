namespace Redirector.Failover;

/// <summary>A scenario could not measure (the daemon never wrote, a backend never moved): its
/// message is printed and the run goes on with the next scenario.</summary>
sealed class BenchFailure(string message) : Exception(message);
