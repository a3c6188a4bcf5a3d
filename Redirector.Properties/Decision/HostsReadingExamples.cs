using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>What the core does with hosts readings: an unreadable file holds writes back and is
/// reported once per reason; an unusable text is reported once and its end said; the same text
/// again is no news.</summary>
public class HostsReadingExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());

    static Simulation Read(Simulation sim, HostsReading reading) =>
        sim.Step(new Input.HostsRead(sim.Now, reading));

    static readonly HostsReading Denied = new HostsReading.Unreadable("permission denied");

    [Fact]
    public void An_unreadable_file_is_reported_once_and_nothing_is_written_meanwhile()
    {
        var sim = Read(Simulation.Start(Some.DecisionConfig(Web)), Denied);
        Assert.Single(sim.Events<Effect.HostsUnreadable>());
        sim = Read(sim, Denied).Observe(Some.Round("web", true, true, true));
        Assert.Empty(sim.Events<Effect.HostsUnreadable>());
        Assert.Empty(sim.Events<Effect.WriteHosts>());
        Assert.True(sim.State.Lbs["web"].Decided);
        var back = Read(sim, new HostsReading.Text(sim.Text));
        Assert.Single(back.Events<Effect.HostsReadableAgain>());
        Assert.Single(back.Events<Effect.WriteHosts>());
        Assert.Single(back.Events<Effect.Ready>());
    }

    [Fact]
    public void Another_reason_is_reported_again()
    {
        var sim = Read(Read(Simulation.Start(Some.DecisionConfig(Web)), Denied),
            new HostsReading.Unreadable("I/O error"));
        Assert.Equal("I/O error", Assert.Single(sim.Events<Effect.HostsUnreadable>()).Reason);
    }

    [Fact]
    public void An_unusable_text_is_reported_once_and_its_repair_said()
    {
        var broken = Some.DecisionHostsText + "# END REDIRECTOR MANAGED BLOCK\n";
        var sim = Simulation.Start(Some.DecisionConfig(Web), broken)
            .Observe(Some.Round("web", true, true, true));
        Assert.Single(sim.Events<Effect.HostsUnusable>());
        sim = sim.Observe(Some.Probe("web", 0, false), Some.Probe("web", 1, true));
        Assert.Empty(sim.Events<Effect.HostsUnusable>());
        var fixedText = sim.Edited(Some.DecisionHostsText);
        Assert.Single(fixedText.Events<Effect.HostsUsableAgain>());
        Assert.Contains("10.0.0.2  web.local", fixedText.Text);
    }

    [Fact]
    public void The_same_text_again_is_no_news()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Web)).Observe(Some.Round("web", true, true, true));
        var (state, effects) = Decider.Step(sim.State,
            new Input.HostsRead(sim.Now, new HostsReading.Text(sim.Text)));
        Assert.Equal(sim.State, state);
        Assert.True(effects.IsEmpty);
    }

    [Fact]
    public void Nothing_is_written_before_the_first_configuration()
    {
        var (state, effects) = Decider.Steps(Decider.Initial(1),
            new Input.HostsRead(0, new HostsReading.Text("")),
            new Input.ProbesObserved(1, Seq1(Some.Probe("web", 0, true))));
        Assert.Equal(Lifecycle.Unconfigured, state.Phase);
        Assert.True(effects.IsEmpty);
    }

    [Fact]
    public void The_same_unusable_text_again_is_no_news()
    {
        var broken = Some.DecisionHostsText + "# END REDIRECTOR MANAGED BLOCK\n";
        var sim = Simulation.Start(Some.DecisionConfig(Web), broken)
            .Observe(Some.Round("web", true, true, true));
        Assert.IsType<HostsView.Unusable>(sim.State.Hosts);
        var (state, effects) = Decider.Step(sim.State,
            new Input.HostsRead(sim.Now, new HostsReading.Text(broken)));
        Assert.Equal(sim.State, state);
        Assert.True(effects.IsEmpty);
    }

    [Fact]
    public void A_reading_after_a_superseded_write_is_compared_even_when_it_is_the_same_text()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Web));
        var (state, effects) = Decider.Steps(sim.State,
            new Input.ProbesObserved(5, toSeq(Some.Round("web", true, true, true))),
            new Input.WriteFinished(6, new WriteResult.Superseded("changed")),
            new Input.HostsRead(7, new HostsReading.Text(Some.DecisionHostsText)));
        Assert.Equal(2, effects.OfType<Effect.WriteHosts>().Count());
        Assert.IsType<HostsView.Writing>(state.Hosts);
    }
}
