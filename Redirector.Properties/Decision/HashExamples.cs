using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>hash: each machine goes to the backend its node name ranks highest among the
/// healthy ones; a failed backend's machines return when it recovers.</summary>
public class HashExamples
{
    static readonly LbConfig Lb = Some.DecisionLb("s3", new Strategy.Hash(), backends: 3);

    static int Ranked(string node, int place) =>
        Enumerable.Range(0, 3).OrderByDescending(i => StrategyModel.Weight(node, Some.BackendIp(i)))
            .ElementAt(place);

    [Fact]
    public void Names_the_backend_the_node_name_ranks_first_and_returns_after_a_failure()
    {
        var first = Ranked(Some.DecisionNode, 0);
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Round("s3", true, true, true));
        Assert.Equal(first, sim.BackendOf("s3"));
        sim = sim.Observe(Some.Probe("s3", first, false));
        Assert.Equal(Ranked(Some.DecisionNode, 1), sim.BackendOf("s3"));
        sim = sim.Observe(Some.Probe("s3", first, true));
        Assert.Equal(first, sim.BackendOf("s3"));
    }

    [Fact]
    public void Commits_early_when_the_winner_answers_first()
    {
        var first = Ranked(Some.DecisionNode, 0);
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Probe("s3", first, true));
        Assert.Equal(first, sim.BackendOf("s3"));
    }

    [Fact]
    public void A_missing_node_name_hashes_the_empty_string()
    {
        var config = Some.DecisionConfig(Lb) with
        {
            Main = Some.DecisionMain with { NodeName = LanguageExt.Option<string>.None },
        };
        var sim = Simulation.Start(config).Observe(Some.Round("s3", true, true, true));
        Assert.Equal(Ranked("", 0), sim.BackendOf("s3"));
    }
}
