using LanguageExt;
using Redirector.Domain;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;
using static Redirector.Properties.Decision.WatchCase;

namespace Redirector.Properties.Decision;

/// <summary>A backend whose health is changing (counted failures of an up one before fall,
/// counted successes of a down one before rise) is probed again a fast interval later, so
/// rise and fall take fast intervals rather than periods.</summary>
public class FastReprobeExamples
{
    static Seq<Effect.ProbeAt> Asked(State s, params Input[] inputs) =>
        Of<Effect.ProbeAt>(Step(s, inputs).Effects);

    [Fact]
    public void A_failure_of_an_up_backend_before_fall_is_probed_again_a_fast_interval_later()
    {
        var s = Started(LbWith(fall: 3));
        Assert.Equal(Seq1(new Effect.ProbeAt(Seq1(Key(1)), 5000 + 250)), Asked(s, Down(5000, 1)));
        var once = After(s, Down(5000, 1));
        Assert.Equal(Seq1(new Effect.ProbeAt(Seq1(Key(1)), 5250 + 250)),
            Asked(once, Down(5250, 1)));
    }

    [Fact]
    public void The_failure_that_reaches_fall_and_a_success_that_ends_the_run_ask_for_nothing()
    {
        var s = After(Started(LbWith(fall: 2)), Down(5000, 1));
        Assert.Empty(Asked(s, Down(5250, 1)));
        Assert.Empty(Asked(s, Up(5250, 1)));
    }

    [Fact]
    public void A_success_of_a_down_backend_before_rise_is_probed_again_a_fast_interval_later()
    {
        var s = Started(LbWith(rise: 3), true, false, true);
        Assert.Equal(Seq1(new Effect.ProbeAt(Seq1(Key(1)), 7250)), Asked(s, Up(7000, 1)));
        var twice = After(s, Up(7000, 1), Up(7250, 1));
        Assert.Empty(Asked(twice, Up(7500, 1)));
        Assert.Empty(Asked(s, Down(7000, 1)));
    }

    [Fact]
    public void First_results_and_steady_ones_ask_for_nothing()
    {
        var (_, first) = Begin(LbWith(rise: 2, fall: 2), true, false, true);
        Assert.Empty(Of<Effect.ProbeAt>(first));
        var s = Started(LbWith(rise: 2, fall: 2), true, false, true);
        Assert.Empty(Asked(s, Up(3000, 0), Down(3000, 1)));
    }

    [Fact]
    public void The_fast_interval_written_in_the_config_is_used()
    {
        var s = Started(LbWith(fall: 2, fast: TimeSpan.FromMilliseconds(40)));
        Assert.Equal(Seq1(new Effect.ProbeAt(Seq1(Key(0)), 9040)), Asked(s, Down(9000, 0)));
    }

    [Fact]
    public void Backends_asked_for_at_the_same_time_share_one_effect_in_list_order()
    {
        var s = Started(LbWith(fall: 2));
        Assert.Equal(Seq1(new Effect.ProbeAt(Seq(Key(0), Key(2)), 3250)),
            Asked(s, Down(3000, 2, 0)));
    }

    [Fact]
    public void Lbs_with_other_fast_intervals_get_one_effect_each_earliest_first()
    {
        var slow = LbWith(fall: 2, name: "zeta");
        var fast = LbWith(fall: 2, name: "alpha", fast: TimeSpan.FromMilliseconds(500));
        var quick = LbWith(fall: 2, name: "mid", fast: TimeSpan.FromMilliseconds(100));
        var (s, _) = Decider.Steps(Decider.Initial(1),
            new Input.HostsRead(0, new HostsReading.Text(Some.DecisionHostsText)),
            new Input.ConfigLoaded(0, Some.DecisionConfig(slow, fast, quick), 1),
            Results(0, "zeta", (0, true)), Results(0, "alpha", (0, true)),
            Results(0, "mid", (0, true)));
        var batch = new Input.ProbesObserved(1000, Seqs.Join(
            ((Input.ProbesObserved)Results(1000, "zeta", (0, false))).Results,
            ((Input.ProbesObserved)Results(1000, "alpha", (0, false))).Results,
            ((Input.ProbesObserved)Results(1000, "mid", (0, false))).Results));
        Assert.Equal(Seq(new Effect.ProbeAt(Seq1(Key(0, "mid")), 1100),
                new Effect.ProbeAt(Seq1(Key(0, "zeta")), 1250),
                new Effect.ProbeAt(Seq1(Key(0, "alpha")), 1500)),
            Asked(s, batch));
    }

    [Fact]
    public void A_changing_backend_not_observed_in_the_batch_is_not_asked_for_again()
    {
        var s = After(Started(LbWith(fall: 3)), Down(5000, 1));
        Assert.Empty(Asked(s, Up(5100, 0)));
    }

    [Fact]
    public void A_host_listed_twice_is_asked_for_once()
    {
        var lb = LbWith(backends: 2, fall: 2);
        lb = lb with { Backends = Seq(lb.Backends[0], lb.Backends[1], lb.Backends[0]) };
        var s = Started(lb, true, true, true);
        Assert.Equal(Seq1(new Effect.ProbeAt(Seq1(Key(0)), 4250)), Asked(s, Down(4000, 0)));
    }

    [Fact]
    public void Fast_re_probes_come_after_the_watches_and_before_the_write()
    {
        var s = Started(LbWith(backends: 2, fall: 2), true, false);
        var (_, effects) = Step(s, Results(3000, Lb, (0, false), (1, true)));
        Assert.Equal(new[] { "BackendWentUp", "OpenWatch", "ProbeAt" },
            effects.Map(e => e.GetType().Name).ToArray());
    }
}
