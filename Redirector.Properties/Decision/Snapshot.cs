using LanguageExt;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>One step of a played scenario: the simulation before and after, and the model's
/// view of every backend after the step.</summary>
public sealed record Snapshot(Simulation Before, Simulation After, ModelBackend[] Model)
{
    public bool AnyUp => Model.Any(m => m.IsUp);

    public Option<int> BackendBefore => Before.BackendOf("lb");

    public Option<int> BackendAfter => After.BackendOf("lb");

    public bool Started => After.State.Started;

    /// <summary>Plays a scenario from the initial state, step by step.</summary>
    public static Seq<Snapshot> Play(
        DecisionScenario scenario, string hostsText = Some.DecisionHostsText)
    {
        var sim = Simulation.Start(Some.DecisionConfig(scenario.Lb), hostsText, scenario.Seed);
        var model = Enumerable.Repeat(ModelBackend.Unknown, scenario.BackendCount).ToArray();
        var hc = scenario.Lb.HealthCheck;
        var snapshots = new List<Snapshot>();
        foreach (var batch in scenario.Batches)
        {
            model = (ModelBackend[])model.Clone();
            foreach (var o in batch)
                model[o.Backend.Index] = model[o.Backend.Index].Next(
                    o.Result.Ok, o.Result.Duration.TotalMilliseconds, hc.Rise, hc.Fall);
            var next = sim.Observe(batch);
            // The simulation answered each ProbeNow with the backend's latest result again.
            foreach (var key in next.Last.OfType<Effect.ProbeNow>().SelectMany(p => p.Backends))
            {
                var again = next.World[key];
                model[key.Index] = model[key.Index].Next(
                    again.Ok, again.Duration.TotalMilliseconds, hc.Rise, hc.Fall);
            }
            snapshots.Add(new Snapshot(sim, next, model));
            sim = next;
        }
        return toSeq(snapshots.ToArray());
    }
}
