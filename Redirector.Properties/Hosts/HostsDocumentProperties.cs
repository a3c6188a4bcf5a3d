using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

/// <summary>Issue 2's promises: every byte outside the block survives, edits are idempotent and
/// round-trip, and a broken text gives its error, never text.</summary>
public class HostsDocumentProperties
{
    static HostsDocument Parsed(string text) => Some.HostsDocumentOf(text);

    static void AssertAround(string before, string after, string result)
    {
        Assert.True(result.Length >= before.Length + after.Length, "result too short");
        Assert.Equal(before, result[..before.Length]);
        Assert.Equal(after, result[(result.Length - after.Length)..]);
    }

    [Property(MaxTest = 300)]
    public Property Apply_keeps_every_byte_outside_an_existing_block() =>
        Prop.ForAll(Gens.AnyHostsWithBlock.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(),
            (hosts, entries) =>
                AssertAround(hosts.Before, hosts.After, Parsed(hosts.Text).Apply(entries)));

    [Property(MaxTest = 300)]
    public Property Apply_appends_after_every_byte_of_a_text_without_block() =>
        Prop.ForAll(Gens.MarkerFreeHostsText.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(),
            (text, entries) =>
            {
                var result = Parsed(text).Apply(entries);
                if (entries.IsEmpty)
                {
                    // Nothing to write: no empty block is added.
                    Assert.Equal(text, result);
                    return;
                }
                var added = Parsed(result).Remove()[text.Length..];
                var firstLf = text.IndexOf('\n');
                var newline = firstLf > 0 && text[firstLf - 1] == '\r' ? "\r\n" : "\n";
                AssertAround(text, "", result);
                Assert.Equal(text.Length == 0 || text.EndsWith('\n') ? ""
                    : text.EndsWith('\r') ? "\r\n"
                    : newline, added);
            });

    [Property(MaxTest = 300)]
    public Property Remove_keeps_every_byte_outside_the_block() =>
        Prop.ForAll(Gens.AnyHostsWithBlock.ToArbitrary(),
            hosts => Assert.Equal(hosts.Before + hosts.After, Parsed(hosts.Text).Remove()));

    [Property(MaxTest = 300)]
    public Property Apply_is_idempotent() =>
        Prop.ForAll(Gens.EditableHostsText.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(),
            (text, entries) =>
            {
                var once = Parsed(text).Apply(entries);
                Assert.Equal(once, Parsed(once).Apply(entries));
            });

    [Property(MaxTest = 300)]
    public Property Apply_with_the_entries_the_block_holds_returns_the_identical_text() =>
        Prop.ForAll(Gens.EditableHostsText.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(),
            (text, entries) =>
            {
                var written = Parsed(Parsed(text).Apply(entries));
                Assert.Equal(written.Text, written.Apply(written.Entries));
            });

    [Property(MaxTest = 300)]
    public Property Remove_undoes_apply_on_a_marker_free_text_ending_in_a_newline() =>
        Prop.ForAll(Gens.HostsTextEndingInNewline.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(),
            (text, entries) => Assert.Equal(text, Parsed(Parsed(text).Apply(entries)).Remove()));

    [Property(MaxTest = 300)]
    public Property Read_back_returns_the_entries_applied() =>
        Prop.ForAll(Gens.EditableHostsText.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(),
            (text, entries) => Assert.Equal(entries, Parsed(Parsed(text).Apply(entries)).Entries));

    [Property(MaxTest = 300)]
    public Property Read_back_understands_original_and_hand_edited_blocks() =>
        Prop.ForAll(Gens.AnyHostsWithBlock.ToArbitrary(),
            hosts => Assert.Equal(hosts.Entries, Parsed(hosts.Text).Entries));

    [Property(MaxTest = 300)]
    public Property Lines_that_merely_mention_the_markers_are_not_a_block() =>
        Prop.ForAll(Gens.MarkerFreeHostsText.ToArbitrary(),
            text => Assert.True(Parsed(text).Block.IsNone));

    [Property(MaxTest = 500)]
    public Property Broken_markers_and_bad_block_lines_always_give_the_error_never_text() =>
        Prop.ForAll(Gens.AnyBrokenHosts.ToArbitrary(), broken =>
        {
            var error = Some.HostsErrorOf(broken.Text);
            var firstLine = error switch
            {
                HostsError.SecondBlock e => e.FirstLine,
                HostsError.NestedBegin e => e.FirstLine,
                _ => 0,
            };
            Assert.Equal(broken.Error, error.GetType());
            Assert.Equal((broken.Line, broken.FirstLine), (error.Line, firstLine));
            Assert.DoesNotContain('\n', error.Message);
            Assert.DoesNotContain('\r', error.Message);
        });

    static string Outcome(string text, LanguageExt.Seq<HostsEntry> entries) =>
        HostsDocument.Parse(text).Match(
            Right: document => document.Apply(entries),
            Left: error => error switch
            {
                HostsError.SecondBlock e => $"SecondBlock {e.Line} {e.FirstLine}",
                HostsError.NestedBegin e => $"NestedBegin {e.Line} {e.FirstLine}",
                _ => $"{error.GetType().Name} {error.Line}",
            });

    [Property(MaxTest = 1000)]
    public Property Parse_and_apply_agree_with_a_line_by_line_model() =>
        Prop.ForAll(
            Gen.OneOf(Gens.EditableHostsText, Gens.AnyBrokenHosts.Select(b => b.Text),
                Gens.HostsTextWithStrayMarkers).ToArbitrary(),
            Gens.AnyHostsEntries.ToArbitrary(),
            (text, entries) => Assert.Equal(HostsModel.Apply(text, entries), Outcome(text, entries)));
}
