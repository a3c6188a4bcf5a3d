using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The outcome of a write is an input: a failure is reported once per episode and
/// retried, a success after it ends the episode, a write not done by rename is warned about
/// once, and a write another program's edit superseded makes the core read again.</summary>
public class WriteOutcomeExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());
    static readonly WriteResult Failed = new WriteResult.Failed("cannot write: EROFS");

    static Simulation Failing(params WriteResult[] outcomes) =>
        (Simulation.Start(Some.DecisionConfig(Web)) with { Outcomes = toSeq(outcomes) })
        .Observe(Some.Round("web", true, true, true));

    [Fact]
    public void A_failed_first_write_is_reported_and_nothing_is_ready()
    {
        var sim = Failing(Failed);
        Assert.Equal(Some.DecisionHostsText, sim.Text);
        Assert.Equal("cannot write: EROFS", Assert.Single(sim.Events<Effect.WriteFailed>()).Reason);
        Assert.Empty(sim.Events<Effect.HostsWritten>());
        Assert.Empty(sim.Events<Effect.Ready>());
        Assert.Equal(Lifecycle.Starting, sim.State.Phase);
    }

    [Fact]
    public void The_next_step_retries_and_a_success_ends_the_episode_once()
    {
        var sim = Failing(Failed, Failed).Observe(Some.Probe("web", 1, true));
        Assert.Empty(sim.Events<Effect.WriteFailed>());
        var recovered = sim.Observe(Some.Probe("web", 2, true));
        Assert.Single(recovered.Events<Effect.WriteRecovered>());
        Assert.Single(recovered.Events<Effect.Ready>());
        Assert.Contains("10.0.0.1  web.local", recovered.Text);
        Assert.Empty(recovered.Observe(Some.Probe("web", 2, true)).Last);
    }

    [Fact]
    public void Another_reason_is_reported_again()
    {
        var sim = Failing(Failed, new WriteResult.Restored("in place; old bytes restored"))
            .Observe(Some.Probe("web", 1, true));
        Assert.Equal("in place; old bytes restored",
            Assert.Single(sim.Events<Effect.WriteFailed>()).Reason);
    }

    [Fact]
    public void A_write_in_place_is_warned_about_once()
    {
        var inPlace = new WriteResult.Written(true, "EXDEV");
        var sim = Failing(inPlace, inPlace);
        Assert.Equal(Some("EXDEV"), Assert.Single(sim.Events<Effect.HostsWritten>()).FirstInPlaceWhy);
        var again = sim.Observe(Some.Probe("web", 0, false), Some.Probe("web", 1, true));
        var second = Assert.Single(again.Events<Effect.HostsWritten>());
        Assert.True(second.InPlace);
        Assert.True(second.FirstInPlaceWhy.IsNone);
    }

    [Fact]
    public void A_superseded_write_reads_again_and_writes_from_the_new_text()
    {
        var sim = Failing(new WriteResult.Superseded("changed by another program"));
        Assert.Single(sim.Events<Effect.ReadHosts>());
        Assert.Equal(2, sim.Writes);
        Assert.Contains("10.0.0.1  web.local", sim.Text);
        Assert.Empty(sim.Events<Effect.WriteFailed>());
    }

    [Fact]
    public void An_outcome_with_no_write_out_is_ignored()
    {
        var sim = Failing();
        var (state, effects) = Decider.Step(sim.State,
            new Input.WriteFinished(9, new WriteResult.Written(false, "")));
        Assert.Equal(sim.State, state);
        Assert.True(effects.IsEmpty);
    }
}
