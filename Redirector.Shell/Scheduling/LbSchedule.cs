using Redirector.Domain.Config;

namespace Redirector.Shell.Scheduling;

/// <summary>The running probe loops of one LB definition. Cancelled: never publish again.</summary>
sealed class LbSchedule(LbConfig config)
{
    readonly CancellationTokenSource cancel = new();

    public LbConfig Config { get; } = config;
    public CancellationToken Token => cancel.Token;

    /// <summary>Where in the period this LB's probes fall, as a share of it (0 to 1).</summary>
    public double Phase { get; } = Random.Shared.NextDouble();

    /// <summary>One per backend: released to probe it now instead of at its next turn.</summary>
    public SemaphoreSlim[] Wakes { get; } =
        config.Backends.Map(_ => new SemaphoreSlim(0, 1)).ToArray();
    public bool Cancelled => cancel.IsCancellationRequested;

    public void Cancel() => cancel.Cancel();
}
