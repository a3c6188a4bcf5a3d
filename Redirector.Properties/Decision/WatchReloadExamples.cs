using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;
using static Redirector.Properties.Decision.WatchCase;

namespace Redirector.Properties.Decision;

/// <summary>A reload that keeps an LB keeps its watches; one that restarts it (or adds it)
/// starts them closed under the new generation, the shell having closed the old ones.</summary>
public class WatchReloadExamples
{
    /// <summary>Backend 0 connected since 10, backend 1 struck once, backend 2 being opened.
    /// </summary>
    static State Watched() => After(Started(LbWith()), Opened(10, 0), Failed(20, 1));

    static Input Reload(long now, int generation, params LbConfig[] lbs) =>
        new Input.ConfigLoaded(now, Some.DecisionConfig(lbs), generation);

    [Fact]
    public void A_kept_lb_keeps_its_watches_and_their_generation()
    {
        var s = Watched();
        var (kept, effects) = Step(s, Reload(100, 2, LbWith()));
        Assert.Equal(s.Lbs[Lb].Watches, kept.Lbs[Lb].Watches);
        Assert.Empty(Of<Effect.StopProbing>(effects));
        var (_, lost) = Step(kept, Lost(200, 0));
        Assert.Single(Of<Effect.WatchDropped>(lost));
    }

    [Fact]
    public void A_restarted_lb_starts_with_every_watch_closed_under_the_new_generation()
    {
        var s = Watched();
        var (restarted, effects) = Step(s, Reload(100, 2, LbWith(fall: 2)));
        Assert.Equal(Seq1(new Effect.StopProbing(Lb, 1)), Of<Effect.StopProbing>(effects));
        Assert.All(restarted.Lbs[Lb].Watches, w => Assert.Equal(Watch.Closed, w));
        var (_, old) = Step(restarted, Opened(110, 2));
        Assert.Empty(old);
        var up = new Input.ProbesObserved(120, Seq1(new Observation(Key(0), 2, Some.ProbeOk(0))));
        var opens = Of<Effect.OpenWatch>(Step(restarted, up).Effects);
        Assert.Equal(Seq1(new Effect.OpenWatch(Key(0), 2, Some.BackendAddress(0),
            HealthCheck.DefaultTimeout)), opens);
    }

    [Fact]
    public void Turning_watch_off_restarts_the_lb_and_opens_no_more_watches()
    {
        var (off, _) = Step(Watched(), Reload(100, 2, LbWith(watch: false)));
        var up = new Input.ProbesObserved(5000, Seq1(new Observation(Key(0), 2, Some.ProbeOk(0))));
        Assert.Empty(Of<Effect.OpenWatch>(Step(off, up).Effects));
    }

    [Fact]
    public void An_lb_added_by_a_reload_starts_with_its_watches_closed()
    {
        var (added, _) = Step(Watched(), Reload(100, 2, LbWith(), LbWith(name: "api")));
        Assert.All(added.Lbs["api"].Watches, w => Assert.Equal(Watch.Closed, w));
        Assert.Equal(3, added.Lbs["api"].Watches.Count);
    }
}
