using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>A failover asks for fresh probes of the candidates and moves only to one that has
/// answered since: two backends dying together give one move, straight to the third.</summary>
public class FailoverExamples
{
    static readonly LbConfig Lb = Some.DecisionLb("web", new Strategy.Sequential());

    static (State State, Seq<Effect> Effects) Step(State s, params Observation[] results) =>
        Decider.Step(s, new Input.ProbesObserved(0, toSeq(results)));

    static State Started() =>
        Simulation.Start(Some.DecisionConfig(Lb)).Observe(Some.Round("web", true, true, true)).State;

    [Fact]
    public void The_active_going_down_asks_for_fresh_probes_of_the_healthy_others()
    {
        var (s, effects) = Step(Started(), Some.Probe("web", 0, false));
        var asked = Assert.Single(effects.OfType<Effect.ProbeNow>());
        Assert.Equal(new[] { Some.Key("web", 1), Some.Key("web", 2) },
            asked.Backends.ToArray());
        Assert.Empty(effects.OfType<Effect.Redirected>());
        Assert.Equal(Some(0), s.Lbs["web"].Active);
    }

    [Fact]
    public void Two_dead_at_once_give_one_move_straight_to_the_third()
    {
        var (s, _) = Step(Started(), Some.Probe("web", 0, false));
        var (s2, second) = Step(s, Some.Probe("web", 1, false));
        Assert.Empty(second.OfType<Effect.Redirected>());
        Assert.Equal("10.0.0.1", s2.Lbs["web"].Entry.Map(e => e.Address.Value));
        var (s3, third) = Step(s2, Some.Probe("web", 2, true));
        var moved = Assert.Single(third.OfType<Effect.Redirected>());
        Assert.Equal(("10.0.0.1", "10.0.0.3"), ((string)moved.From, moved.To));
        Assert.Equal("10.0.0.3", s3.Lbs["web"].Entry.Map(e => e.Address.Value));
    }

    [Fact]
    public void A_candidate_that_answers_first_is_taken_once_the_earlier_one_refuses()
    {
        var (s, _) = Step(Started(), Some.Probe("web", 0, false));
        var (s2, early) = Step(s, Some.Probe("web", 2, true));
        Assert.Empty(early.OfType<Effect.Redirected>());
        var (_, late) = Step(s2, Some.Probe("web", 1, false));
        Assert.Equal("10.0.0.3", Assert.Single(late.OfType<Effect.Redirected>()).To);
    }

    [Fact]
    public void All_candidates_refusing_is_all_down_once()
    {
        var (s, _) = Step(Started(), Some.Probe("web", 0, false));
        var (_, effects) = Step(s, Some.Probe("web", 1, false), Some.Probe("web", 2, false));
        Assert.Single(effects.OfType<Effect.AllBackendsDown>());
        Assert.Empty(effects.OfType<Effect.Redirected>());
    }

    [Fact]
    public void The_active_recovering_before_the_answers_ends_the_failover_in_place()
    {
        var (s, _) = Step(Started(), Some.Probe("web", 0, false));
        var (s2, effects) = Step(s, Some.Probe("web", 0, true));
        Assert.Empty(effects.OfType<Effect.Redirected>());
        Assert.IsNotType<LbPhase.Confirming>(s2.Lbs["web"].Phase);
        Assert.Equal(Some(0), s2.Lbs["web"].Active);
    }
}
