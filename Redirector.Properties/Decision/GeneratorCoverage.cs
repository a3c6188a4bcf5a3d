using FsCheck.Fluent;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>Guards the properties against passing vacuously: the scenario generator must
/// reach the situations they talk about (failovers, all-down episodes, recoveries).</summary>
public class GeneratorCoverage
{
    [Fact]
    public void Scenarios_reach_failovers_all_down_episodes_and_recoveries()
    {
        var scenarios = Gens.DecisionScenario().Sample(300, 50);
        var plays = scenarios.Select(sc => Snapshot.Play(sc)).ToArray();
        int Count(Func<Snapshot, bool> seen) => plays.Count(p => p.Exists(seen));

        Assert.True(Count(s => s.Started) >= 290);
        Assert.True(Count(s => s.Before.State.Started &&
                               s.After.Events<Effect.Redirected>().Exists(r => r.From.IsSome)) >= 60);
        Assert.True(Count(s => s.After.Events<Effect.AllBackendsDown>().Count > 0) >= 60);
        Assert.True(Count(s => s.After.Events<Effect.Redirected>()
            .Exists(r => r.Kind == RedirectKind.Recovered)) >= 30);
    }
}
