using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Config;

namespace Redirector.Properties.Decision;

/// <summary>A restarted daemon reads the block back; with sequential and random, a first
/// round in which the active backend is healthy moves nothing and writes nothing.</summary>
public class RestartProperties
{
    [Property(MaxTest = 200)]
    public Property A_restart_moves_nothing_while_the_active_backend_stays_healthy() =>
        Prop.ForAll(Gens.DecisionScenario(new Strategy.Sequential(), new Strategy.Random())
                .ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (sc, seed) =>
            {
                var before = Snapshot.Play(sc).Last.After;
                var active = before.BackendOf("lb");
                var round = Enumerable.Range(0, sc.BackendCount)
                    .Select(i => Some.Probe("lb", i, ok: true)).ToArray();
                var restarted = Simulation.Start(Some.DecisionConfig(sc.Lb), before.Text, (ulong)seed)
                    .Observe(round);
                return active.IsNone ||
                       restarted.BackendOf("lb") == active && restarted.Writes == 0;
            });
}
