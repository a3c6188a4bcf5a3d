using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>Stopping: probing ends for every LB, and persist_hosts_block decides whether the
/// block leaves the file; Stopped is the last effect.</summary>
public class StopExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());

    static Simulation Running(bool persist) =>
        Simulation.Start(new Configuration(Some.DecisionMain with { PersistHostsBlock = persist },
                toMap(new[] { (Web.Name, Web) })))
            .Observe(Some.Round("web", true, true, true));

    static Simulation Stop(Simulation sim) => sim.Step(new Input.Stopping(sim.Now));

    [Fact]
    public void With_persist_the_block_stays()
    {
        var sim = Running(persist: true);
        var stopped = Stop(sim);
        Assert.Equal(sim.Text, stopped.Text);
        Assert.Equal(new Effect[] { new Effect.StopProbing("web", 1), new Effect.Stopped(sim.Now) },
            stopped.Last.ToArray());
        Assert.Equal(Lifecycle.Stopped, stopped.State.Phase);
    }

    [Fact]
    public void Without_persist_the_block_is_removed_and_the_rest_kept()
    {
        var stopped = Stop(Running(persist: false));
        Assert.Equal(Some.DecisionHostsText, stopped.Text);
        Assert.Single(stopped.Events<Effect.BlockRemoved>());
        Assert.IsType<Effect.Stopped>(stopped.Last.Last);
    }

    [Fact]
    public void A_failed_removal_is_reported_and_the_stop_goes_on()
    {
        var sim = Running(persist: false) with
        {
            Outcomes = Seq1<WriteResult>(new WriteResult.Failed("cannot write: EROFS")),
        };
        var stopped = Stop(sim);
        var notRemoved = Assert.Single(stopped.Events<Effect.BlockNotRemoved>());
        Assert.Equal(("cannot write: EROFS", false), (notRemoved.Reason, notRemoved.Unreadable));
        Assert.IsType<Effect.Stopped>(stopped.Last.Last);
    }

    [Fact]
    public void An_unreadable_file_keeps_its_block_and_says_so()
    {
        var sim = Running(persist: false);
        sim = sim.Step(new Input.HostsRead(sim.Now, new HostsReading.Unreadable("I/O error")));
        var notRemoved = Assert.Single(Stop(sim).Events<Effect.BlockNotRemoved>());
        Assert.True(notRemoved.Unreadable);
        Assert.Equal("I/O error", notRemoved.Reason);
    }

    [Fact]
    public void Results_after_the_stop_change_nothing()
    {
        var stopped = Stop(Running(persist: true));
        var (state, effects) = Decider.Step(stopped.State,
            new Input.ProbesObserved(9, Seq1(Some.Probe("web", 0, false))));
        Assert.Equal(stopped.State, state);
        Assert.True(effects.IsEmpty);
    }
}
