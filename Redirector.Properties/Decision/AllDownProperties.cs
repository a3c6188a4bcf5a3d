using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>When every backend is down: keep leaves the last entry, remove drops it, and one
/// AllBackendsDown event marks each episode.</summary>
public class AllDownProperties
{
    [Property(MaxTest = 300)]
    public Property Keep_leaves_the_last_entry_and_remove_drops_it() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
            Snapshot.Play(sc).ForAll(s =>
                s.AnyUp || !s.Started ||
                (sc.Lb.OnAllDown == OnAllDown.Remove || !s.Before.State.Started
                    ? s.After.EntryOf("lb").IsNone
                    : s.After.EntryOf("lb") == s.Before.EntryOf("lb"))));

    [Property(MaxTest = 300)]
    public Property One_all_down_event_per_episode() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
        {
            var steps = Snapshot.Play(sc);
            var episodes = steps.Map(s => !s.AnyUp).Prepend(false)
                .Zip(steps.Map(s => !s.AnyUp), (was, now) => !was && now).Count(x => x);
            var events = steps.Sum(s => s.After.Events<Effect.AllBackendsDown>().Count);
            return (events == episodes).Label($"{events} events for {episodes} episodes");
        });

    [Property(MaxTest = 300)]
    public Property Remove_reports_each_entry_it_drops() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
            Snapshot.Play(sc).ForAll(s =>
                s.After.Events<Effect.EntryRemoved>().IsEmpty ==
                (s.Before.EntryOf("lb").IsNone || s.After.EntryOf("lb").IsSome)));
}
