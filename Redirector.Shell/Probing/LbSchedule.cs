using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Probing;

/// <summary>The running probe loops of one LB definition, started under a generation.
/// Cancelled: never publish again.</summary>
sealed class LbSchedule(LbConfig config, int generation, ProbeClock clock)
{
    readonly CancellationTokenSource cancel = new();

    public LbConfig Config { get; } = config;
    public int Generation { get; } = generation;

    /// <summary>Each backend's key, in list order.</summary>
    public BackendKey[] Keys { get; } = config.Backends
        .Map(b => new BackendKey(config.Name, b.Host, config.HealthCheck.Port)).ToArray();
    public CancellationToken Token => cancel.Token;

    /// <summary>The first probes' due time (a <see cref="System.Diagnostics.Stopwatch"/>
    /// timestamp), shared by the backends so that their grids coincide.</summary>
    public long Start { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>Where in the period this LB's probes fall, as a share of it (0 to 1).</summary>
    public double Phase { get; } = Random.Shared.NextDouble();

    /// <summary>One per backend: set to probe it now instead of at its next turn.</summary>
    public Wake[] Wakes { get; } = config.Backends.Map(_ => new Wake(clock)).ToArray();
    public bool Cancelled => cancel.IsCancellationRequested;

    public void Cancel() => cancel.Cancel();
}
