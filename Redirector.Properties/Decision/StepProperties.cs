using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Decision;

/// <summary>The step function itself: deterministic, and its hosts text is the state's entries
/// applied to the current text.</summary>
public class StepProperties
{
    [Property(MaxTest = 200)]
    public Property The_same_state_and_input_give_the_same_output() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
            Snapshot.Play(sc).Zip(sc.Batches).ForAll(p =>
            {
                var (s, batch) = p;
                var input = new Input.ProbesObserved(s.Before.Now,
                    Prelude.toSeq(batch.Select(s.Before.Stamp).ToArray()));
                var first = Decider.Step(s.Before.State, input);
                var second = Decider.Step(s.Before.State, input);
                // Last also holds the effects of the simulation's answers, after each effect.
                return first.State == second.State && first.Effects == second.Effects
                       && IsSubsequence(first.Effects, s.After.Last);
            }));

    [Property(MaxTest = 200)]
    public Property A_written_text_is_the_state_entries_applied_to_the_current_text() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
            Snapshot.Play(sc).ForAll(s =>
                s.After.Events<Effect.WriteHosts>().ForAll(w =>
                    HostsDocument.Parse(s.Before.Text)
                        .Map(d => d.Apply(s.After.State.Entries) == w.Text)
                        .IfLeft(false))));

    [Property(MaxTest = 200)]
    public Property Once_started_the_text_always_holds_the_state_entries() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
            Snapshot.Play(sc).ForAll(s =>
                !s.Started || HostsDocument.Parse(s.After.Text)
                    .Map(d => d.Entries == s.After.State.Entries).IfLeft(false)));

    [Property(MaxTest = 200)]
    public Property An_empty_batch_after_any_step_changes_nothing() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), sc =>
        {
            var last = Snapshot.Play(sc).Last.After;
            var again = last.Observe();
            return again.Last.IsEmpty && again.Text == last.Text;
        });

    [Property(MaxTest = 200)]
    public Property The_document_kept_after_a_write_is_the_parse_of_the_written_text() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), Gens.DecisionHostsText.ToArbitrary(),
            (sc, text) => Snapshot.Play(sc, text).ForAll(s =>
                !s.Started || s.After.State.Hosts is HostsView.Agrees a
                    && HostsDocument.Parse(s.After.Text).ToOption() == Prelude.Some(a.Document)));

    [Property(MaxTest = 200)]
    public Property Text_outside_the_block_survives_every_step() =>
        Prop.ForAll(Gens.DecisionScenario().ToArbitrary(), Gens.DecisionHostsText.ToArbitrary(),
            (sc, text) =>
            {
                var outside = HostsDocument.Parse(text).Map(d => d.Remove()).IfLeft("");
                return Snapshot.Play(sc, text).ForAll(s =>
                {
                    var now = HostsDocument.Parse(s.After.Text).Map(d => d.Remove()).IfLeft("?");
                    // Appending a block to a text without a final newline adds that newline.
                    return now == outside || now == outside + "\n" && !outside.EndsWith('\n');
                });
            });

    static bool IsSubsequence(Seq<Effect> part, Seq<Effect> whole)
    {
        var at = 0;
        foreach (var e in whole)
            if (at < part.Count && e == part[at]) at++;
        return at == part.Count;
    }
}
