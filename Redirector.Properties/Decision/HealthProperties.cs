using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>Rise and fall: a backend changes state only after exactly rise/fall results in a
/// row.</summary>
public class HealthProperties
{
    static readonly Gen<(int Rise, int Fall, bool[] Results)> Runs =
        from rise in Gen.Choose(1, 4)
        from fall in Gen.Choose(1, 4)
        from results in Gen.ListOf(Gen.Elements(true, true, false))
        select (rise, fall, results.ToArray());

    [Property(MaxTest = 500)]
    public Property Backend_health_agrees_with_the_reference_model() =>
        Prop.ForAll(Runs.ToArbitrary(), run =>
        {
            var health = BackendHealth.Unknown;
            var model = ModelBackend.Unknown;
            var address = Optional(Some.BackendAddress(0));
            foreach (var ok in run.Results)
            {
                health = health.Observe(ok, address, 10, run.Rise, run.Fall);
                model = model.Next(ok, 10, run.Rise, run.Fall);
                if (health.Status != model.Status) return false;
            }
            return true;
        });

    /// <summary>Each result with its own address and duration: the streak, the latest
    /// successful address and the smoothed time follow the model too.</summary>
    [Property(MaxTest = 500)]
    public Property Streak_address_and_smoothed_time_agree_with_the_reference_model() =>
        Prop.ForAll(Runs.ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (run, ms) =>
        {
            var health = BackendHealth.Unknown;
            var model = ModelBackend.Unknown;
            Option<int> lastOk = None;
            for (var k = 0; k < run.Results.Length; k++)
            {
                var ok = run.Results[k];
                var duration = ms + 7 * k;
                health = health.Observe(ok, Optional(Some.BackendAddress(k)), duration,
                    run.Rise, run.Fall);
                model = model.Next(ok, duration, run.Rise, run.Fall);
                if (ok) lastOk = k;
                var smoothed = health.SmoothedMs.MatchUnsafe(v => v, () => (double?)null);
                if (health.Status != model.Status || health.Streak != model.Streak
                    || health.Address != lastOk.Map(Some.BackendAddress)
                    || smoothed is null != model.Smoothed is null
                    || Math.Abs((smoothed ?? 0) - (model.Smoothed ?? 0)) > 1e-9)
                    return false.Label($"after {k + 1}: {health} vs {model}");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = 300)]
    public Property Went_up_and_down_events_come_exactly_when_the_model_flips() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
        {
            var previous = Enumerable.Repeat(ModelBackend.Unknown, sc.BackendCount).ToArray();
            foreach (var s in Snapshot.Play(sc))
            {
                var expected = Enumerable.Range(0, sc.BackendCount)
                    .Where(i => s.Model[i].Status != previous[i].Status)
                    .Select(i => (i, s.Model[i].IsUp)).OrderBy(x => x).ToArray();
                var flips = s.After.Last.Choose(e => e switch
                {
                    Effect.BackendWentUp u => Some((u.Backend.Index, true)),
                    Effect.BackendWentDown d => Some((d.Backend.Index, false)),
                    _ => Option<(int, bool)>.None,
                });
                // One batch may flip a backend twice; the model compares only the ends.
                var actual = flips.GroupBy(x => x.Item1)
                    .Where(g => g.Count() % 2 == 1).Select(g => g.Last())
                    .OrderBy(x => x).ToArray();
                if (!expected.SequenceEqual(actual)) return false;
                previous = s.Model;
            }
            return true;
        });

    [Property(MaxTest = 300)]
    public Property Alternating_results_with_fall_of_two_or_more_never_move_the_entry() =>
        Prop.ForAll(Gens.DecisionLb(Gens.DecisionStrategy, minRiseFall: 2).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, 4)).ToArbitrary(), (lb, order) =>
            {
                var n = lb.Backends.Count;
                var sim = Simulation.Start(Some.DecisionConfig(lb))
                    .Observe(Enumerable.Range(0, n).Select(i => Some.Probe("lb", i, true)).ToArray());
                var entry = sim.EntryOf("lb");
                var nextOk = new bool[n];
                foreach (var pick in order)
                {
                    var i = pick % n;
                    sim = sim.Observe(Some.Probe("lb", i, nextOk[i]));
                    nextOk[i] = !nextOk[i];
                    if (sim.EntryOf("lb") != entry || sim.Writes != 1) return false;
                }
                return entry.IsSome;
            });
}
