using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Shell.Probing;

/// <summary>One probe of every backend, all at once (for --once and --dry-run), in LB-name
/// then backend order. Takes as long as the slowest probe, each bounded by its timeout.
/// Never throws: once cancelled, the probes not yet done are failed "cancelled" results.</summary>
public static class ProbeRound
{
    /// <summary>The LBs the core started (<see cref="Effect.StartProbing"/>), each result
    /// stamped with its generation.</summary>
    public static async Task<Seq<Observation>> RunAsync(
        IEnumerable<Effect.StartProbing> starts, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(ProbeScheduler.MaxProbesInFlight);
        var probes = starts.SelectMany(s => s.Lb.Backends.Select(async backend =>
            new Observation(new BackendKey(s.Lb.Name, backend.Host, s.Lb.HealthCheck.Port),
                s.Generation, await ProbeAsync(s.Lb.HealthCheck, backend.Host, slots, ct))));
        return toSeq(await Task.WhenAll(probes));
    }

    /// <summary>Every LB of a configuration, as started first (generation 1).</summary>
    public static Task<Seq<Observation>> RunAsync(Configuration config, CancellationToken ct) =>
        RunAsync(config.Lbs.Values.Select(lb => new Effect.StartProbing(lb, 1)), ct);

    static async Task<ProbeResult> ProbeAsync(
        HealthCheck check, string host, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await slots.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return new ProbeResult.Down(Probe.Cancelled, TimeSpan.Zero);
        }
        try
        {
            return await Probe.RunAsync(check, host, ct);
        }
        finally
        {
            slots.Release();
        }
    }
}
