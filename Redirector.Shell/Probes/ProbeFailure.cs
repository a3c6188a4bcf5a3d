namespace Redirector.Shell.Probes;

/// <summary>A failure whose short reason is already known (no address, body mismatch...),
/// thrown inside a probe and turned into a failed result by <see cref="Probe"/>.</summary>
sealed class ProbeFailure(string reason) : Exception(reason);
