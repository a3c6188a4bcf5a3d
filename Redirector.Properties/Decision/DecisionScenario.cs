using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>One LB named "lb", a first round that probes every backend once, then batches of
/// probe results, stepped one batch at a time.</summary>
public sealed record DecisionScenario(LbConfig Lb, Seq<Observation[]> Batches, ulong Seed)
{
    public int BackendCount => Lb.Backends.Count;

    public override string ToString() =>
        $"{Lb.Strategy.Kind} n={BackendCount} rise={Lb.HealthCheck.Rise} " +
        $"fall={Lb.HealthCheck.Fall} {Lb.OnAllDown} prio=[" +
        string.Join(",", Lb.Backends.Map(b => b.Priority)) + "] seed=" + Seed + " batches: " +
        string.Join(" | ", Batches.Map(b => string.Join(" ", b.Select(o =>
            $"{o.Backend.Index}{(o.Result.Ok ? "+" : "-")}{o.Result.Duration.TotalMilliseconds}"))));
}
