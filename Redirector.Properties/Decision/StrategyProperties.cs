using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Config;

namespace Redirector.Properties.Decision;

/// <summary>What each strategy promises, checked on the written hosts text after every step
/// against the reference health model.</summary>
public class StrategyProperties
{
    static Property ForAllSteps(Gen<DecisionScenario> gen, Func<DecisionScenario, Snapshot, bool> ok) =>
        Prop.ForAll(gen.ToArbitrary(), s => Snapshot.Play(s).ForAll(step => ok(s, step)));

    [Property(MaxTest = 300)]
    public Property Whenever_a_backend_is_healthy_the_entry_names_a_healthy_backend() =>
        ForAllSteps(Gens.DecisionScenario(), (_, s) =>
            !s.Started || !s.AnyUp || s.BackendAfter.Exists(i => s.Model[i].IsUp));

    [Property(MaxTest = 300)]
    public Property Sequential_and_random_never_leave_a_healthy_active_backend() =>
        ForAllSteps(Gens.DecisionScenario(new Strategy.Sequential(), new Strategy.Random()),
            (_, s) => !s.Before.State.Started ||
                      s.BackendBefore.Filter(i => s.Model[i].IsUp)
                          .ForAll(i => s.BackendAfter == i));

    [Property(MaxTest = 300)]
    public Property Sequential_moves_to_the_next_healthy_backend_after_the_failed_one() =>
        ForAllSteps(Gens.DecisionScenario(new Strategy.Sequential()), (sc, s) =>
        {
            var n = sc.BackendCount;
            return !s.Before.State.Started || !s.AnyUp ||
                   s.BackendBefore.Filter(a => !s.Model[a].IsUp).ForAll(a =>
                       s.BackendAfter == Enumerable.Range(1, n).Select(k => (a + k) % n)
                           .First(i => s.Model[i].IsUp));
        });

    [Property(MaxTest = 300)]
    public Property Priority_names_the_best_healthy_backend() =>
        ForAllSteps(Gens.DecisionScenario(new Strategy.Priority()), (sc, s) =>
            !s.Started || !s.AnyUp || s.BackendAfter == Enumerable.Range(0, sc.BackendCount)
                .Where(i => s.Model[i].IsUp)
                .OrderBy(i => sc.Lb.Backends[i].Priority).ThenBy(i => i).First());

    [Property(MaxTest = 300)]
    public Property Hash_names_the_rendezvous_winner_among_healthy_backends() =>
        ForAllSteps(Gens.DecisionScenario(new Strategy.Hash()), (sc, s) =>
            !s.Started || !s.AnyUp || s.BackendAfter == Enumerable.Range(0, sc.BackendCount)
                .Where(i => s.Model[i].IsUp)
                .OrderByDescending(i => StrategyModel.Weight(
                    Some.DecisionNode, sc.Lb.Backends[i].Host))
                .ThenBy(i => i).First());

    [Property(MaxTest = 300)]
    public Property Latency_switches_from_a_healthy_backend_only_for_one_faster_by_both_margins() =>
        ForAllSteps(Gens.DecisionScenario(Some.DefaultLatency), (_, s) =>
            !s.Before.State.Started ||
            (from a in s.BackendBefore
             from b in s.BackendAfter
             where a != b && s.Model[a].IsUp
             select StrategyModel.FasterByBothMargins(
                 s.Model[b].Smoothed!.Value, s.Model[a].Smoothed!.Value, Some.DefaultLatency))
            .IfNone(true));

    [Property(MaxTest = 300)]
    public Property Latency_stays_when_the_best_is_within_the_margins() =>
        ForAllSteps(Gens.DecisionScenario(Some.DefaultLatency), (sc, s) =>
        {
            if (!s.Before.State.Started) return true;
            var up = Enumerable.Range(0, sc.BackendCount).Where(i => s.Model[i].IsUp).ToArray();
            return s.BackendBefore.Filter(a => s.Model[a].IsUp).ForAll(a =>
                up.Any(b => StrategyModel.FasterByBothMargins(
                    s.Model[b].Smoothed!.Value, s.Model[a].Smoothed!.Value, Some.DefaultLatency))
                || s.BackendAfter == a);
        });
}
