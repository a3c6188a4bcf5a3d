using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>random: a random healthy backend, kept while healthy; the generator is seeded by the
/// shell and lives in the state, so the same seed gives the same choice.</summary>
public class RandomExamples
{
    static readonly LbConfig Lb = Some.DecisionLb("api", new Strategy.Random(), backends: 4);

    static Simulation Started(ulong seed) =>
        Simulation.Start(Some.DecisionConfig(Lb), seed: seed)
            .Observe(Some.Round("api", true, true, true, true));

    [Fact]
    public void The_same_seed_gives_the_same_choice_and_seeds_reach_every_backend()
    {
        int[] Choices() =>
            Enumerable.Range(0, 200).Select(s => (int)Started((ulong)s).BackendOf("api")).ToArray();
        var choices = Choices();
        Assert.Equal(choices, Choices());
        // 200 draws over 4 backends: each gets 50 on average; 25 is far below any plausible draw.
        Assert.All(Enumerable.Range(0, 4), b => Assert.True(choices.Count(c => c == b) >= 25));
    }

    [Fact]
    public void Waits_for_the_whole_first_round()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Probe("api", 0, true),
            Some.Probe("api", 1, true), Some.Probe("api", 2, true));
        Assert.Equal(0, sim.Writes);
        Assert.Equal(1, sim.Observe(Some.Probe("api", 3, false)).Writes);
    }

    [Fact]
    public void On_failure_picks_another_healthy_backend_never_the_failed_one()
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            var sim = Started(seed);
            var active = (int)sim.BackendOf("api");
            var after = sim.Observe(Some.Probe("api", active, false));
            Assert.NotEqual(active, (int)after.BackendOf("api"));
        }
    }

    [Fact]
    public void A_single_backend_is_chosen_without_spinning()
    {
        var one = Some.DecisionLb("api", new Strategy.Random(), backends: 1);
        var sim = Simulation.Start(Some.DecisionConfig(one)).Observe(Some.Probe("api", 0, true))
            .Observe(Some.Probe("api", 0, false)).Observe(Some.Probe("api", 0, true));
        Assert.Equal(0, sim.BackendOf("api"));
    }
}
