using Redirector.Domain.Decision;

namespace Redirector.Shell.Probing;

/// <summary>A failure already known (no address, a header that cannot be sent...) met deep in
/// a callback of the HTTP stack, where only an exception can leave; <see cref="Probe"/> turns
/// it back into its failure.</summary>
sealed class ProbeFailure(Failure failure) : Exception(failure.Text)
{
    public Failure Failure { get; } = failure;

    public ProbeFailure(FailureKind kind, string detail) : this(new Failure(kind, detail)) { }
}
