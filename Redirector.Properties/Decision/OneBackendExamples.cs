using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>An LB with a single backend works with every strategy and either all-down policy.</summary>
public class OneBackendExamples
{
    public static TheoryData<int, OnAllDown> Cases()
    {
        var data = new TheoryData<int, OnAllDown>();
        for (var s = 0; s < Gens.AllStrategies.Length; s++)
            foreach (var policy in new[] { OnAllDown.Keep, OnAllDown.Remove })
                data.Add(s, policy);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Up_down_and_up_again(int strategy, OnAllDown policy)
    {
        var lb = Some.DecisionLb("one", Gens.AllStrategies[strategy], backends: 1, onAllDown: policy);
        var sim = Simulation.Start(Some.DecisionConfig(lb)).Observe(Some.Probe("one", 0, true));
        Assert.Equal(0, sim.BackendOf("one"));

        sim = sim.Observe(Some.Probe("one", 0, false));
        var down = Assert.Single(sim.Events<Effect.AllBackendsDown>());
        Assert.Equal(policy == OnAllDown.Keep, down.EntryKept);
        Assert.Equal(policy == OnAllDown.Keep, sim.EntryOf("one").IsSome);
        Assert.Empty(sim.Observe(Some.Probe("one", 0, false)).Last);

        sim = sim.Observe(Some.Probe("one", 0, true));
        Assert.Equal(0, sim.BackendOf("one"));
        Assert.Equal(RedirectKind.Recovered, Assert.Single(sim.Events<Effect.Redirected>()).Kind);
    }
}
