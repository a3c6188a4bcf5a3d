using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.Probes;
using static LanguageExt.Prelude;

namespace Redirector.Shell.Scheduling;

/// <summary>One probe of every backend, all at once (for --once and --dry-run), in LB-name
/// then backend order. Takes as long as the slowest probe, each bounded by its timeout.
/// Never throws: once cancelled, the probes not yet done are failed "cancelled" results.</summary>
public static class ProbeRound
{
    public static async Task<Seq<Observation>> RunAsync(Configuration config, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(ProbeScheduler.MaxProbesInFlight);
        var probes = config.Lbs.Values.SelectMany(lb => lb.Backends.Select(async (backend, index) =>
            new Observation(new BackendKey(lb.Name, index),
                await ProbeAsync(lb.HealthCheck, backend.Host, slots, ct))));
        return toSeq(await Task.WhenAll(probes));
    }

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
