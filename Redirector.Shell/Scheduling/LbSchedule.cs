using Redirector.Domain.Config;

namespace Redirector.Shell.Scheduling;

/// <summary>The running probe loops of one LB definition. Cancelled: never publish again.</summary>
sealed class LbSchedule(LbConfig config)
{
    readonly CancellationTokenSource cancel = new();

    public LbConfig Config { get; } = config;
    public CancellationToken Token => cancel.Token;
    public bool Cancelled => cancel.IsCancellationRequested;

    public void Cancel() => cancel.Cancel();
}
