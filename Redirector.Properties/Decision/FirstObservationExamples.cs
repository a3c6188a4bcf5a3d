using LanguageExt;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The core says whether a backend's status event is its first observation ("is
/// down") or a change ("went down"), also when both land in one batch of results: the shell
/// cannot tell by comparing the states before and after a step.</summary>
public class FirstObservationExamples
{
    static readonly Domain.Config.LbConfig Lb =
        Some.DecisionLb("web", new Domain.Config.Strategy.Sequential());

    static Seq<Effect> Step(params Observation[] results) =>
        Simulation.Start(Some.DecisionConfig(Lb)).Observe(results).Last;

    [Fact]
    public void A_first_result_and_a_change_in_one_batch_are_told_apart()
    {
        var effects = Step(Some.Probe("web", 1, true), Some.Probe("web", 1, false));

        var up = Assert.Single(effects.OfType<Effect.BackendWentUp>());
        var down = Assert.Single(effects.OfType<Effect.BackendWentDown>());
        Assert.True(up.First);
        Assert.False(down.First);
    }

    [Fact]
    public void A_first_failure_is_a_first_observation() =>
        Assert.True(Assert.Single(Step(Some.Probe("web", 0, false))
            .OfType<Effect.BackendWentDown>()).First);
}
