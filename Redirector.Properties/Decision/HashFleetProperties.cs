using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The hash strategy over a fleet: each machine runs its own core with its own node
/// name; together they spread evenly and move as little as possible.</summary>
public class HashFleetProperties
{
    const int Backends = 5;

    static Simulation Machine(string node) =>
        Simulation.Start(Some.DecisionConfig(Some.DecisionLb("lb", new Strategy.Hash(), Backends))
                with { Main = Some.DecisionMain with { NodeName = node } })
            .Observe(Enumerable.Range(0, Backends).Select(i => Some.Probe("lb", i, true)).ToArray());

    static int Active(Simulation sim) => (int)sim.State.Lbs["lb"].Active;

    [Property(MaxTest = 5)]
    public Property Ten_thousand_node_names_spread_20_percent_each_within_2_points() =>
        Prop.ForAll(Gen.ArrayOf(Gens.HashNodeName, 10_000).ToArbitrary(), names =>
        {
            var shares = names.Select(n => Active(Machine(n))).GroupBy(i => i)
                .Select(g => (double)g.Count() / names.Length).ToArray();
            return (shares.Length == Backends && shares.All(s => Math.Abs(s - 0.2) <= 0.02))
                .Label("shares: " + string.Join(", ", shares.Select(s => s.ToString("P1"))));
        });

    [Property(MaxTest = 10)]
    public Property A_backend_going_down_moves_only_its_nodes_and_they_return() =>
        Prop.ForAll(Gen.ArrayOf(Gens.HashNodeName, 500).ToArbitrary(),
            Gen.Choose(0, Backends - 1).ToArbitrary(), (names, down) =>
                names.All(n =>
                {
                    var before = Machine(n);
                    var failed = before.Observe(Some.Probe("lb", down, false));
                    var back = failed.Observe(Some.Probe("lb", down, true));
                    var stays = Active(before) == down || Active(failed) == Active(before);
                    return stays && Active(failed) != down && Active(back) == Active(before);
                }));

    [Fact]
    public void Rendezvous_weights_are_pinned_so_every_version_and_machine_agrees()
    {
        // XxHash64 (seed 0) of "node-a\010.0.0.1"; a change here would move whole fleets.
        Assert.Equal(Domain.Decision.Rendezvous.Weight("node-a", "10.0.0.1"),
            System.IO.Hashing.XxHash64.HashToUInt64("node-a\u000010.0.0.1"u8));
        Assert.Equal(PinnedWeight, Domain.Decision.Rendezvous.Weight("node-a", "10.0.0.1"));
    }

    // Cross-checked with an independent XXH64 written from the xxHash specification.
    const ulong PinnedWeight = 16157103691842144710UL;
}
