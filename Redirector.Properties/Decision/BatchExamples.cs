using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>One batch of probe results: health in arrival order, then one decision per touched
/// LB in name order; a result of a stopped schedule is only counted, wherever it comes in the
/// batch.</summary>
public class BatchExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());
    static readonly LbConfig Api = Some.DecisionLb("api", new Strategy.Sequential());

    [Fact]
    public void Two_lbs_decided_in_one_batch_report_in_name_order_not_arrival_order()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Web, Api))
            .Observe(Some.Round("web", true, true, true).Concat(Some.Round("api", true, true, true))
                .ToArray());
        Assert.Equal(new[] { "api", "web" },
            sim.Events<Effect.Redirected>().Map(r => r.Lb).ToArray());
    }

    [Fact]
    public void A_late_result_of_the_previous_generation_after_a_current_one_is_only_counted()
    {
        var running = Simulation.Start(Some.DecisionConfig(Web))
            .Observe(Some.Round("web", true, true, true));
        var restarted = running.Reload(
            Some.DecisionConfig(Web with { HealthCheck = Some.DecisionCheck(rise: 2) }));
        var batch = Seq(
            new Observation(Some.Key("web", 0), 2, Some.ProbeOk(0)),
            new Observation(Some.Key("web", 1), 1, Some.ProbeFailed));
        var (state, effects) = Decider.Step(restarted.State,
            new Input.ProbesObserved(restarted.Now, batch));
        Assert.Equal(restarted.State.StaleResults + 1, state.StaleResults);
        Assert.Equal(Health.Unknown, state.Lbs["web"].Backends[1].Status);
        Assert.DoesNotContain(effects, e => e is Effect.BackendWentDown);
    }
}
