using Redirector.Domain.Config;

namespace Redirector.Properties.Decision;

/// <summary>priority: the healthy backend with the lowest priority, then list order; it fails
/// back when a better one recovers.</summary>
public class PriorityExamples
{
    static readonly LbConfig Lb =
        Some.DecisionLb("db", new Strategy.Priority(), priorities: new[] { 2, 1, 1 });

    [Fact]
    public void Names_the_lowest_priority_then_the_first_in_list_order()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Round("db", true, true, true));
        Assert.Equal(1, sim.BackendOf("db"));
    }

    [Fact]
    public void Fails_over_then_fails_back_when_the_better_backend_recovers()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Round("db", true, true, true))
            .Observe(Some.Probe("db", 1, false));
        Assert.Equal(2, sim.BackendOf("db"));
        sim = sim.Observe(Some.Probe("db", 1, true));
        Assert.Equal(1, sim.BackendOf("db"));
    }

    [Fact]
    public void Commits_early_once_the_best_backend_is_known_healthy()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Probe("db", 1, true));
        Assert.Equal(1, sim.BackendOf("db"));
        var waiting = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Probe("db", 0, true));
        Assert.Equal(0, waiting.Writes);
    }
}
