using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>"The first complete probe round decides": deciding early, as results arrive one by
/// one in any order, never picks another backend than the whole round at once would.</summary>
public class StartupProperties
{
    static readonly Gen<(DecisionScenario Scenario, Observation[] Shuffled)> Rounds =
        from sc in Gens.DecisionScenario()
        from shuffled in Gen.Shuffle(sc.Batches[0])
        select (sc, shuffled);

    [Property(MaxTest = 500)]
    public Property Results_one_at_a_time_decide_as_the_whole_round_does() =>
        Prop.ForAll(Rounds.ToArbitrary(), x =>
        {
            var config = Some.DecisionConfig(x.Scenario.Lb);
            var whole = Simulation.Start(config, seed: x.Scenario.Seed).Observe(x.Scenario.Batches[0]);
            var single = x.Shuffled.Aggregate(Simulation.Start(config, seed: x.Scenario.Seed),
                (sim, o) => sim.Observe(o));
            return single.EntryOf("lb") == whole.EntryOf("lb") && single.Writes == whole.Writes;
        });
}
