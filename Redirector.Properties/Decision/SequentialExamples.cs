using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>sequential: the first healthy backend in list order; when it goes down, the next
/// healthy one after it, wrapping; no failback.</summary>
public class SequentialExamples
{
    static readonly LbConfig Lb = Some.DecisionLb("web", new Strategy.Sequential());

    [Fact]
    public void Starts_on_the_first_healthy_backend_in_list_order()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb))
            .Observe(Some.Round("web", false, true, true));
        Assert.Equal(1, sim.BackendOf("web"));
    }

    [Fact]
    public void Fails_over_to_the_next_healthy_backend_and_does_not_fail_back()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Round("web", true, true, true))
            .Observe(Some.Probe("web", 0, false));
        Assert.Equal(1, sim.BackendOf("web"));
        var redirect = Assert.Single(sim.Events<Effect.Redirected>());
        Assert.Equal(("10.0.0.1", "10.0.0.2"), ((string)redirect.From, redirect.To));
        Assert.StartsWith("10.0.0.1 went down", redirect.Reason);

        sim = sim.Observe(Some.Probe("web", 0, true));
        Assert.Equal(1, sim.BackendOf("web"));
        Assert.Empty(sim.Events<Effect.Redirected>());
    }

    [Fact]
    public void Wraps_around_the_list_skipping_backends_that_are_down()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb))
            .Observe(Some.Round("web", false, true, false))
            .Observe(Some.Probe("web", 1, false), Some.Probe("web", 0, true));
        Assert.Equal(0, sim.BackendOf("web"));
    }

    [Fact]
    public void Commits_before_the_round_ends_when_the_first_backend_answers()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Probe("web", 0, true));
        Assert.Equal(0, sim.BackendOf("web"));
        Assert.Equal(1, sim.Writes);
    }

    [Fact]
    public void Waits_for_the_earlier_backend_before_committing_to_a_later_one()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Probe("web", 1, true));
        Assert.Equal(0, sim.Writes);
        sim = sim.Observe(Some.Probe("web", 0, false));
        Assert.Equal(1, sim.BackendOf("web"));
    }
}
