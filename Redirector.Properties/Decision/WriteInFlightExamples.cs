using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>Steps taken while a write is out (the core allows it, though today's shell steps
/// the outcome at once): decisions go on, nothing else is written, and once the outcome is in
/// the entries that changed meanwhile are written next. Also: each failed outcome's reason is
/// the one reported, and results the schedule does not stamp for this backend are stale.
/// </summary>
public class WriteInFlightExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());

    /// <summary>Every LB decided; the first write is out (its outcome not yet stepped).</summary>
    static (State State, Effect.WriteHosts Write) Writing()
    {
        var (state, effects) = Decider.Steps(Decider.Initial(1),
            new Input.HostsRead(0, new HostsReading.Text(Some.DecisionHostsText)),
            new Input.ConfigLoaded(1, Some.DecisionConfig(Web), 1),
            new Input.ProbesObserved(2, toSeq(Some.Round("web", true, true, true))));
        return (state, Assert.Single(effects.OfType<Effect.WriteHosts>()));
    }

    [Fact]
    public void Entries_that_change_while_a_write_is_out_are_written_after_it()
    {
        var (writing, first) = Writing();
        var (moved, meanwhile) = Decider.Steps(writing,
            new Input.ProbesObserved(3, Seq1(Some.Probe("web", 0, false))),
            new Input.ProbesObserved(3, Seq1(Some.Probe("web", 1, true))));
        Assert.Empty(meanwhile.OfType<Effect.WriteHosts>());
        Assert.Single(meanwhile.OfType<Effect.ProbeNow>());
        Assert.Single(meanwhile.OfType<Effect.Redirected>());
        var (_, effects) = Decider.Step(moved,
            new Input.WriteFinished(4, new WriteResult.Written(false, "")));
        var next = Assert.Single(effects.OfType<Effect.WriteHosts>());
        Assert.Equal(first.Text, next.BasedOn);
        Assert.Contains("10.0.0.2  web.local", next.Text);
        Assert.Single(effects.OfType<Effect.Ready>());
    }

    [Fact]
    public void Results_that_change_no_entry_while_a_write_is_out_give_no_second_write()
    {
        var (writing, _) = Writing();
        var (same, _) = Decider.Step(writing,
            new Input.ProbesObserved(3, Seq1(Some.Probe("web", 2, false))));
        var (state, effects) = Decider.Step(same,
            new Input.WriteFinished(4, new WriteResult.Written(false, "")));
        Assert.Empty(effects.OfType<Effect.WriteHosts>());
        Assert.IsType<HostsView.Agrees>(state.Hosts);
        Assert.Equal(Lifecycle.Running, state.Phase);
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("restored")]
    [InlineData("damaged")]
    public void A_failed_outcome_reports_its_own_reason_and_the_file_is_compared_again(string kind)
    {
        WriteResult outcome = kind switch
        {
            "failed" => new WriteResult.Failed("why: failed"),
            "restored" => new WriteResult.Restored("why: restored"),
            _ => new WriteResult.Damaged("why: damaged"),
        };
        var (writing, first) = Writing();
        var (state, effects) = Decider.Step(writing, new Input.WriteFinished(4, outcome));
        Assert.Equal(new Effect[] { new Effect.WriteFailed(4, "why: " + kind, outcome) },
            effects.ToArray());
        Assert.Equal(new HostsView.Unchecked(first.BasedOn), state.Hosts);
        Assert.Equal(Some("why: " + kind), state.WriteFailing);
    }

    [Fact]
    public void Only_failures_have_a_problem() =>
        Assert.Equal(new[] { null, "a", "b", "c", "d" },
            new WriteResult[]
            {
                new WriteResult.Written(true, "x"), new WriteResult.Failed("a"),
                new WriteResult.Restored("b"), new WriteResult.Damaged("c"),
                new WriteResult.Superseded("d"),
            }.Select(r => r.Problem).ToArray());

    [Fact]
    public void A_result_for_another_port_is_stale()
    {
        var (writing, _) = Writing();
        var other = new Observation(Some.Key("web", 0) with { Port = 81 }, 1, Some.ProbeFailed);
        var (state, effects) = Decider.Step(writing, new Input.ProbesObserved(3, Seq1(other)));
        Assert.Equal(writing with { StaleResults = 1 }, state);
        Assert.True(effects.IsEmpty);
    }

    [Fact]
    public void Results_while_stopping_change_nothing()
    {
        var config = Some.DecisionConfig(Web) with
        {
            Main = Some.DecisionMain with { PersistHostsBlock = false },
        };
        var (state, _) = Decider.Steps(Decider.Initial(1),
            new Input.HostsRead(0, new HostsReading.Text(Some.DecisionHostsText)),
            new Input.ConfigLoaded(1, config, 1),
            new Input.ProbesObserved(2, toSeq(Some.Round("web", true, true, true))),
            new Input.WriteFinished(3, new WriteResult.Written(false, "")),
            new Input.Stopping(4));
        Assert.Equal(Lifecycle.Stopping, state.Phase);
        var (after, effects) = Decider.Step(state,
            new Input.ProbesObserved(5, Seq1(Some.Probe("web", 0, false))));
        Assert.Equal(state, after);
        Assert.True(effects.IsEmpty);
    }

    [Fact]
    public void A_reload_while_a_write_is_out_resumes_a_changed_lb_from_the_entry_being_written()
    {
        var (writing, _) = Writing();
        var changed = Web with { HealthCheck = Some.DecisionCheck(rise: 2) };
        var (state, _) = Decider.Step(writing,
            new Input.ConfigLoaded(3, Some.DecisionConfig(changed), 2));
        var lb = state.Lbs["web"];
        Assert.False(lb.Decided);
        Assert.Equal(2, lb.Generation);
        Assert.Equal(Some.BackendAddress(0), lb.Entry.Map(e => e.Address).IfNone(() =>
            throw new InvalidOperationException("no entry resumed")));
    }
}
