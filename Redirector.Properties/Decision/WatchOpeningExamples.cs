using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;
using static Redirector.Properties.Decision.WatchCase;

namespace Redirector.Properties.Decision;

/// <summary>A watch connection is asked for after a probe of the backend comes back up, at most
/// once per period, never to a backend marked not watchable before its pause is over.</summary>
public class WatchOpeningExamples
{
    static Effect.OpenWatch OpenOf(int index, int generation = 1) =>
        new(Key(index), generation, Some.BackendAddress(index), HealthCheck.DefaultTimeout);

    [Fact]
    public void The_first_round_opens_one_watch_per_backend_that_is_up_to_its_probed_address()
    {
        var (s, effects) = Begin(LbWith(), true, false, true);
        Assert.Equal(Seq(OpenOf(0), OpenOf(2)), Of<Effect.OpenWatch>(effects));
        Assert.Equal(new Watch(new WatchPhase.Opening(), 0, Some(0L)), WatchOf(s, 0));
        Assert.Equal(Watch.Closed, WatchOf(s, 1));
        Assert.Equal(new Watch(new WatchPhase.Opening(), 0, Some(0L)), WatchOf(s, 2));
    }

    [Fact]
    public void The_watch_goes_to_the_address_that_answered_with_the_checks_timeout()
    {
        var lb = LbWith(backends: 1);
        lb = lb with { HealthCheck = lb.HealthCheck with { Timeout = TimeSpan.FromSeconds(3) } };
        var (s, _) = Decider.Steps(Decider.Initial(1),
            new Input.HostsRead(0, new HostsReading.Text(Some.DecisionHostsText)),
            new Input.ConfigLoaded(0, Some.DecisionConfig(lb), 4));
        var answered = IpLiteral.TryParse("192.0.2.7").IfNone(() => throw new Exception());
        var (_, effects) = Decider.Step(s, new Input.ProbesObserved(5, Seq1(new Observation(
            Key(0), 4, new ProbeResult.Up(answered, TimeSpan.FromMilliseconds(2))))));
        Assert.Equal(Seq1(new Effect.OpenWatch(Key(0), 4, answered, TimeSpan.FromSeconds(3))),
            Of<Effect.OpenWatch>(effects));
    }

    [Fact]
    public void An_lb_with_watch_off_opens_none() =>
        Assert.Empty(Of<Effect.OpenWatch>(Begin(LbWith(watch: false)).Effects));

    [Fact]
    public void Only_the_latest_result_of_a_backend_in_a_batch_counts()
    {
        var s = Started(LbWith(), false, false, false);
        var (_, upThenDown) = Step(s, Results(2000, Lb, (0, true), (0, false)));
        Assert.Empty(Of<Effect.OpenWatch>(upThenDown));
        var (_, downThenUp) = Step(s, Results(2000, Lb, (0, false), (0, true)));
        Assert.Equal(Seq1(OpenOf(0)), Of<Effect.OpenWatch>(downThenUp));
    }

    [Fact]
    public void A_watch_being_opened_or_connected_is_not_opened_again()
    {
        var s = Started(LbWith());
        Assert.Empty(Of<Effect.OpenWatch>(Step(s, Up(5000, 0)).Effects));
        var connected = After(s, Opened(10, 0));
        Assert.Empty(Of<Effect.OpenWatch>(Step(connected, Up(5000, 0)).Effects));
    }

    [Fact]
    public void A_closed_watch_is_opened_again_only_a_period_after_the_last_one()
    {
        var s = After(Started(LbWith()), Failed(10, 0));
        Assert.Empty(Of<Effect.OpenWatch>(Step(s, Up(999, 0)).Effects));
        var (again, effects) = Step(s, Up(1000, 0));
        Assert.Equal(Seq1(OpenOf(0)), Of<Effect.OpenWatch>(effects));
        Assert.Equal(new Watch(new WatchPhase.Opening(), 1, Some(1000L)), WatchOf(again, 0));
    }

    [Fact]
    public void A_not_watchable_backend_is_tried_again_once_its_pause_is_over_one_strike_short()
    {
        var s = After(Started(LbWith()), Failed(10, 0), Up(1000, 0), Failed(1010, 0),
            Up(2000, 0), Failed(2010, 0));
        var until = 2010 + Watch.PauseMs;
        Assert.IsType<WatchPhase.NotWatchable>(WatchOf(s, 0).Phase);
        Assert.Empty(Of<Effect.OpenWatch>(Step(s, Up(until - 1, 0)).Effects));
        var (again, effects) = Step(s, Up(until, 0));
        Assert.Equal(Seq1(OpenOf(0)), Of<Effect.OpenWatch>(effects));
        Assert.Equal(new Watch(new WatchPhase.Opening(), 2, Some(until)), WatchOf(again, 0));
        var (_, quick) = Step(again, Opened(until + 1, 0), Lost(until + 2, 0));
        Assert.Single(Of<Effect.NotWatchable>(quick));
    }

    [Fact]
    public void A_host_listed_twice_is_one_watch()
    {
        var lb = LbWith(backends: 2);
        lb = lb with { Backends = Seq(lb.Backends[0], lb.Backends[1], lb.Backends[0]) };
        var (s, effects) = Begin(lb, true, true, true);
        Assert.Equal(Seq(OpenOf(0), OpenOf(1)), Of<Effect.OpenWatch>(effects));
        Assert.Equal(WatchOf(s, 0), WatchOf(s, 2));
        var connected = After(s, Opened(3, 0));
        Assert.IsType<WatchPhase.Connected>(WatchOf(connected, 2).Phase);
    }

    [Fact]
    public void Results_of_a_stopped_schedule_open_nothing()
    {
        var s = After(Started(LbWith()), Failed(10, 0));
        var stale = new Input.ProbesObserved(5000, Seq1(new Observation(Key(0), 0,
            Some.ProbeOk(0))));
        Assert.Empty(Of<Effect.OpenWatch>(Step(s, stale).Effects));
    }

    [Fact]
    public void Watches_go_out_after_the_decisions_and_before_the_write()
    {
        var (_, effects) = Begin(LbWith(backends: 1));
        var kinds = effects.Map(e => e.GetType().Name).ToArray();
        Assert.Equal(new[] { "BackendWentUp", "Redirected", "OpenWatch", "WriteHosts" }, kinds);
    }
}
