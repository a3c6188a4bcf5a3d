using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.Probes;
using static LanguageExt.Prelude;

namespace Redirector.Shell.Scheduling;

/// <summary>One probe of every backend, all at once (for --once and --dry-run), in LB-name
/// then backend order. Takes as long as the slowest probe, each bounded by its timeout.</summary>
public static class ProbeRound
{
    public static async Task<Seq<Observation>> RunAsync(Configuration config, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(ProbeScheduler.MaxProbesInFlight);
        var probes = config.Lbs.Values.SelectMany(lb => lb.Backends.Select(async (backend, index) =>
        {
            await slots.WaitAsync(ct);
            try
            {
                var result = await Probe.RunAsync(lb.HealthCheck, backend.Host, ct);
                return new Observation(new BackendKey(lb.Name, index), result);
            }
            finally
            {
                slots.Release();
            }
        }));
        return toSeq(await Task.WhenAll(probes));
    }
}
