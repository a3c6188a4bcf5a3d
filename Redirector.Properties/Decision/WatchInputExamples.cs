using LanguageExt;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;
using static Redirector.Properties.Decision.WatchCase;

namespace Redirector.Properties.Decision;

/// <summary>The answers to OpenWatch: a connection established, ended (a hint: probes of the
/// backend, and of the candidates when it is the active one), or not established (not a failure
/// of the backend); strikes in a row mark a backend not watchable for a while.</summary>
public class WatchInputExamples
{
    const string Peer = "closed by the peer";

    /// <summary>Backend 0 (the active one) and 1 connected since 10, backend 2 being opened.
    /// </summary>
    static State Watched() => After(Started(LbWith()), Opened(10, 0), Opened(10, 1));

    [Fact]
    public void An_opened_watch_is_connected_since_then()
    {
        var s = Started(LbWith());
        var (next, effects) = Step(s, Opened(7, 1));
        Assert.Equal(Seq1<Effect>(new Effect.WatchConnected(7, Key(1))), effects);
        Assert.Equal(new Watch(new WatchPhase.Connected(7), 0, Some(0L)), WatchOf(next, 1));
        Assert.Equal(s with { Lbs = s.Lbs.SetItem(Lb, s.Lbs[Lb] with
        {
            Watches = s.Lbs[Lb].Watches.SetItem(1, WatchOf(next, 1)),
        }) }, next);
    }

    [Fact]
    public void A_lost_watch_of_another_backend_asks_for_a_probe_of_it_alone()
    {
        var (s, effects) = Step(Watched(), Lost(40_010, 1, "reset by the peer"));
        Assert.Equal(Seq<Effect>(new Effect.WatchDropped(40_010, Key(1), "reset by the peer"),
            new Effect.ProbeNow(Seq1(Key(1)))), effects);
        Assert.Equal(new Watch(new WatchPhase.Closed(), 0, Some(0L)), WatchOf(s, 1));
    }

    [Fact]
    public void A_lost_watch_of_the_active_backend_asks_for_it_and_every_other_backend_up()
    {
        var s = After(Watched(), Down(20, 2));
        var (_, effects) = Step(s, Lost(40_010, 0));
        Assert.Equal(new Effect.ProbeNow(Seq(Key(0), Key(1))),
            Assert.Single(Of<Effect.ProbeNow>(effects)));
        var (_, all) = Step(Watched(), Lost(40_010, 0));
        Assert.Equal(new Effect.ProbeNow(Seq(Key(0), Key(1), Key(2))),
            Assert.Single(Of<Effect.ProbeNow>(all)));
    }

    [Fact]
    public void A_lost_watch_of_the_last_active_backend_while_all_are_down_asks_for_it_alone()
    {
        var s = After(Watched(), Down(20, 0, 1, 2), Up(1000, 1), Opened(1001, 1), Down(1002, 1));
        Assert.True(s.Lbs[Lb].AllDown);
        var (_, effects) = Step(s, Lost(1003, 1));
        Assert.Equal(new Effect.ProbeNow(Seq1(Key(1))), Assert.Single(Of<Effect.ProbeNow>(effects)));
    }

    [Fact]
    public void A_lost_watch_changes_neither_health_nor_entry_nor_the_hosts_view()
    {
        var s = Watched();
        var (next, effects) = Step(s, Lost(11, 0));
        Assert.Equal(s.Lbs[Lb] with { Watches = next.Lbs[Lb].Watches }, next.Lbs[Lb]);
        Assert.Equal(s with { Lbs = next.Lbs }, next);
        Assert.Empty(Of<Effect.WriteHosts>(effects));
    }

    [Fact]
    public void A_watch_that_lived_less_than_30_s_is_a_strike_and_30_s_is_not()
    {
        var quick = After(Watched(), Lost(10 + Watch.QuickMs - 1, 1));
        Assert.Equal(1, WatchOf(quick, 1).Strikes);
        var struck = After(Started(LbWith()), Failed(1, 1), Up(1000, 1), Opened(1010, 1));
        Assert.Equal(1, WatchOf(struck, 1).Strikes);
        Assert.Equal(0, WatchOf(After(struck, Lost(1010 + Watch.QuickMs, 1)), 1).Strikes);
        Assert.Equal(2, WatchOf(After(struck, Lost(1010 + Watch.QuickMs - 1, 1)), 1).Strikes);
    }

    [Fact]
    public void Three_quick_ends_in_a_row_mark_the_backend_not_watchable_for_ten_minutes()
    {
        var s = After(Watched(), Lost(100, 1), Up(1000, 1), Opened(1001, 1), Lost(1050, 1),
            Up(2000, 1), Opened(2001, 1));
        var (next, effects) = Step(s, Lost(2103, 1));
        const string why = "it closed 3 watch connections in a row within 30 s " +
                           "(last: closed by the peer after 102 ms)";
        var until = 2103 + Watch.PauseMs;
        Assert.Equal(Seq<Effect>(new Effect.WatchDropped(2103, Key(1), Peer),
            new Effect.NotWatchable(2103, Key(1), why, until),
            new Effect.ProbeNow(Seq1(Key(1)))), effects);
        Assert.Equal(new Watch(new WatchPhase.NotWatchable(until, why), 3, Some(2000L)),
            WatchOf(next, 1));
    }

    [Fact]
    public void A_long_lived_watch_between_quick_ones_starts_the_count_again()
    {
        var s = After(Watched(), Lost(100, 1), Up(1000, 1), Opened(1001, 1),
            Lost(40_000, 1), Up(41_000, 1), Opened(41_001, 1), Lost(41_002, 1));
        Assert.Equal(1, WatchOf(s, 1).Strikes);
        Assert.IsType<WatchPhase.Closed>(WatchOf(s, 1).Phase);
    }

    [Fact]
    public void A_watch_not_connected_is_a_strike_and_asks_for_no_probe()
    {
        var (s, effects) = Step(Watched(), Failed(30, 2, "timed out"));
        Assert.Equal(Seq1<Effect>(new Effect.WatchNotConnected(30, Key(2), "timed out")), effects);
        Assert.Equal(new Watch(new WatchPhase.Closed(), 1, Some(0L)), WatchOf(s, 2));
        Assert.Equal(Watched().Lbs[Lb].Backends, s.Lbs[Lb].Backends);
    }

    [Fact]
    public void Three_watches_in_a_row_not_connected_mark_the_backend_not_watchable()
    {
        var s = After(Watched(), Failed(30, 2), Up(1000, 2), Failed(1001, 2), Up(2000, 2));
        var (next, effects) = Step(s, Failed(2001, 2, "network unreachable"));
        const string why = "3 watch connections in a row could not be opened " +
                           "(last: network unreachable)";
        Assert.Equal(Seq<Effect>(new Effect.WatchNotConnected(2001, Key(2), "network unreachable"),
            new Effect.NotWatchable(2001, Key(2), why, 2001 + Watch.PauseMs)), effects);
        Assert.Equal(new WatchPhase.NotWatchable(2001 + Watch.PauseMs, why), WatchOf(next, 2).Phase);
    }

    [Fact]
    public void A_not_watchable_backend_is_not_reported_again_while_its_pause_lasts()
    {
        var s = After(Watched(), Failed(30, 2), Up(1000, 2), Failed(1001, 2), Up(2000, 2),
            Failed(2001, 2));
        var (_, effects) = Step(s, Up(5000, 2), Up(7000, 2), Failed(7001, 2), Lost(7002, 2));
        Assert.Empty(Of<Effect.NotWatchable>(effects));
        Assert.Empty(Of<Effect.OpenWatch>(effects));
    }

    public static TheoryData<string, Input> StaleInputs => new()
    {
        { "opened, older generation", Opened(30, 2, generation: 0) },
        { "lost, newer generation", Lost(30, 0, generation: 2) },
        { "failed, older generation", Failed(30, 2, generation: 0) },
        { "opened, unknown lb", new Input.WatchOpened(30, Key(0, "gone"), 1) },
        { "lost, unknown backend", new Input.WatchLost(30, new BackendKey(Lb, "10.0.0.9", 80), 1,
            Peer) },
        { "failed, other port", new Input.WatchFailed(30, new BackendKey(Lb, "10.0.0.3", 81), 1,
            "refused") },
        { "opened, already connected", Opened(30, 0) },
        { "lost, still opening", Lost(30, 2) },
        { "failed, already connected", Failed(30, 1) },
        { "opened, never asked", new Input.WatchOpened(30, Key(1), 1) },
    };

    [Theory]
    [MemberData(nameof(StaleInputs))]
    public void A_watch_input_that_matches_no_watch_being_opened_or_connected_is_only_counted(
        string _, Input input)
    {
        var s = input is Input.WatchOpened { Backend.Host: "10.0.0.2" }
            ? After(Watched(), Lost(20, 1))
            : Watched();
        var (next, effects) = Step(s, input);
        Assert.Empty(effects);
        Assert.Equal(s with { StaleResults = s.StaleResults + 1 }, next);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Watch_inputs_while_stopping_or_stopped_are_only_counted(bool persist)
    {
        var lb = LbWith();
        var config = Some.DecisionConfig(lb) with
        {
            Main = Some.DecisionMain with { PersistHostsBlock = persist },
        };
        var watched = After(Begin(config, lb).State, Opened(10, 0), Opened(10, 1));
        var (s, _) = Step(watched, new Input.Stopping(50));
        // Without persist_hosts_block the block's removal is out: the run is stopping.
        Assert.Equal(persist ? Lifecycle.Stopped : Lifecycle.Stopping, s.Phase);
        foreach (var input in new[] { Lost(60, 0), Opened(60, 2), Failed(60, 2) })
        {
            var (next, effects) = Step(s, input);
            Assert.Empty(effects);
            Assert.Equal(s with { StaleResults = s.StaleResults + 1 }, next);
        }
    }
}
