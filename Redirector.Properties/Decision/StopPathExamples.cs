using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The stop's less common paths: before any configuration, before the first decisions
/// (the block of the last run is still removed), a file without a block, an unusable text, a
/// removal superseded by another program's edit (read again, then removed or, unreadable, kept),
/// and inputs that come after the stop.</summary>
public class StopPathExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());

    static Configuration Removing(params LbConfig[] lbs) =>
        Some.DecisionConfig(lbs) with { Main = Some.DecisionMain with { PersistHostsBlock = false } };

    const string Block = "# BEGIN REDIRECTOR MANAGED BLOCK\n10.0.0.2  web.local web-alias.local\n"
                         + "# END REDIRECTOR MANAGED BLOCK\n";

    static (State, Seq<Effect>) Stop(State s, long now = 50) => Decider.Step(s, new Input.Stopping(now));

    static State Started(string text, Configuration config) =>
        Decider.Steps(Decider.Initial(1), new Input.HostsRead(0, new HostsReading.Text(text)),
            new Input.ConfigLoaded(1, config, 1)).State;

    [Fact]
    public void A_stop_before_any_configuration_only_stops()
    {
        var (state, effects) = Stop(Decider.Initial(1), 7);
        Assert.Equal(new Effect[] { new Effect.Stopped(7) }, effects.ToArray());
        Assert.Equal(Lifecycle.Stopped, state.Phase);
    }

    [Fact]
    public void A_second_stop_and_a_late_configuration_change_nothing()
    {
        var (stopped, _) = Stop(Started(Some.DecisionHostsText, Removing(Web)));
        foreach (var input in new Input[]
                 {
                     new Input.Stopping(60), new Input.ConfigLoaded(61, Removing(Web), 2),
                 })
        {
            var (state, effects) = Decider.Step(stopped, input);
            Assert.Equal(stopped, state);
            Assert.True(effects.IsEmpty);
        }
    }

    [Fact]
    public void A_stop_before_the_first_decisions_still_removes_the_last_runs_block()
    {
        var text = Some.DecisionHostsText + Block;
        var (state, effects) = Stop(Started(text, Removing(Web)));
        Assert.Equal(new Effect[]
            {
                new Effect.StopProbing("web", 1), new Effect.WriteHosts(Some.DecisionHostsText, text),
            }, effects.ToArray());
        var (done, end) = Decider.Step(state,
            new Input.WriteFinished(51, new WriteResult.Written(false, "")));
        Assert.Equal(new Effect[]
            {
                new Effect.HostsWritten(51, false, None), new Effect.BlockRemoved(51),
                new Effect.Stopped(51),
            }, end.ToArray());
        Assert.Equal(Lifecycle.Stopped, done.Phase);
    }

    [Fact]
    public void A_file_without_a_block_is_left_alone()
    {
        var (state, effects) = Stop(Started(Some.DecisionHostsText, Removing(Web)));
        Assert.Equal(new Effect[] { new Effect.StopProbing("web", 1), new Effect.Stopped(50) },
            effects.ToArray());
        Assert.Equal(Lifecycle.Stopped, state.Phase);
    }

    [Fact]
    public void An_unusable_text_keeps_its_block_and_says_why()
    {
        var broken = Some.DecisionHostsText + "# END REDIRECTOR MANAGED BLOCK\n";
        var (_, effects) = Stop(Started(broken, Removing(Web)));
        var notRemoved = Assert.Single(effects.OfType<Effect.BlockNotRemoved>());
        Assert.False(notRemoved.Unreadable);
        Assert.NotEmpty(notRemoved.Reason);
        Assert.IsType<Effect.Stopped>(effects.Last);
    }

    [Fact]
    public void An_unusable_text_found_while_running_keeps_its_block_too()
    {
        var broken = Some.DecisionHostsText + "# END REDIRECTOR MANAGED BLOCK\n";
        var sim = Simulation.Start(Removing(Web), broken).Observe(Some.Round("web", true, true, true));
        var unusable = Assert.Single(sim.Events<Effect.HostsUnusable>());
        var stopped = sim.Step(new Input.Stopping(sim.Now));
        var notRemoved = Assert.Single(stopped.Events<Effect.BlockNotRemoved>());
        Assert.Equal((unusable.Error.Message, false), (notRemoved.Reason, notRemoved.Unreadable));
        Assert.Equal(broken, stopped.Text);
    }

    [Fact]
    public void A_superseded_removal_reads_again_and_removes_from_the_new_text()
    {
        var sim = Simulation.Start(Removing(Web)).Observe(Some.Round("web", true, true, true));
        sim = (sim with
        {
            Outcomes = Seq1<WriteResult>(new WriteResult.Superseded("changed by another program")),
        }).Step(new Input.Stopping(sim.Now));
        Assert.Single(sim.Events<Effect.ReadHosts>());
        Assert.Single(sim.Events<Effect.BlockRemoved>());
        Assert.Equal(Some.DecisionHostsText, sim.Text);
        Assert.IsType<Effect.Stopped>(sim.Last.Last);
    }

    [Fact]
    public void A_superseded_removal_then_an_unreadable_file_keeps_the_block()
    {
        var sim = Simulation.Start(Removing(Web)).Observe(Some.Round("web", true, true, true));
        var (writing, _) = Stop(sim.State);
        var (reading, asked) = Decider.Step(writing,
            new Input.WriteFinished(51, new WriteResult.Superseded("changed")));
        Assert.Equal(new Effect[] { new Effect.ReadHosts() }, asked.ToArray());
        Assert.Equal(Lifecycle.Stopping, reading.Phase);
        var (state, effects) = Decider.Step(reading,
            new Input.HostsRead(52, new HostsReading.Unreadable("I/O error")));
        Assert.Equal(new Effect[]
            {
                new Effect.HostsUnreadable(52, "I/O error"),
                new Effect.BlockNotRemoved(52, "I/O error", true), new Effect.Stopped(52),
            }, effects.ToArray());
        Assert.Equal(Lifecycle.Stopped, state.Phase);
    }

    [Fact]
    public void A_reading_while_the_removal_is_out_waits_for_its_outcome()
    {
        var sim = Simulation.Start(Removing(Web)).Observe(Some.Round("web", true, true, true));
        var (writing, _) = Stop(sim.State);
        foreach (var reading in new HostsReading[]
                 {
                     new HostsReading.Unreadable("I/O error"), new HostsReading.Text("edited\n"),
                 })
        {
            var (state, effects) = Decider.Step(writing, new Input.HostsRead(51, reading));
            Assert.Equal(writing, state);
            Assert.True(effects.IsEmpty);
        }
    }

    [Fact]
    public void A_stop_while_an_ordinary_write_is_out_removes_the_block_after_it()
    {
        var started = Started(Some.DecisionHostsText, Removing(Web));
        var (writing, wrote) = Decider.Step(started,
            new Input.ProbesObserved(10, toSeq(Some.Round("web", true, true, true))));
        Assert.Contains(wrote, e => e is Effect.WriteHosts);
        var (stopping, _) = Stop(writing);
        // The entries' write lands: the block is still in the file, so it is not "removed".
        var (_, after) = Decider.Step(stopping,
            new Input.WriteFinished(60, new WriteResult.Written(false, "")));
        Assert.DoesNotContain(after, e => e is Effect.BlockRemoved or Effect.Stopped);
        var removal = Assert.Single(after.OfType<Effect.WriteHosts>());
        Assert.Equal(Some.DecisionHostsText, removal.Text);
    }

    [Fact]
    public void A_stop_while_an_ordinary_write_fails_is_not_a_failed_removal()
    {
        // The entries' write would have added the block; it failed, so the file holds none
        // and there is nothing to remove: a clean stop, not "block not removed: disk full".
        var started = Started(Some.DecisionHostsText, Removing(Web));
        var (writing, wrote) = Decider.Step(started,
            new Input.ProbesObserved(10, toSeq(Some.Round("web", true, true, true))));
        Assert.Contains(wrote, e => e is Effect.WriteHosts);
        var (stopping, _) = Stop(writing);
        var (state, after) = Decider.Step(stopping,
            new Input.WriteFinished(60, new WriteResult.Failed("disk full")));
        Assert.Equal(new Effect[] { new Effect.Stopped(60) }, after.ToArray());
        Assert.Equal(Lifecycle.Stopped, state.Phase);
    }
}
