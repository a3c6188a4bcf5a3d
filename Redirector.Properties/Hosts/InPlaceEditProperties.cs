using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

/// <summary>The in-place write: it ends at the new text, never touches the bytes that stay,
/// and between its write and its truncate the file reads with one block holding the new
/// entries and every byte outside the block intact.</summary>
public class InPlaceEditProperties
{
    static readonly Gen<string> Texts =
        Gen.Elements("", "a", "ab", "abc\n", "# x\r\n", "\r", "0123456789")
            .ArrayOf().Select(string.Concat);

    [Property(MaxTest = 500)]
    public Property Any_text_becomes_any_other() =>
        Prop.ForAll(Texts.ToArbitrary(), Texts.ToArbitrary(), (current, next) =>
        {
            var edit = InPlaceEdit.Between(current, next);
            Assert.Equal(next, edit.Finished(current));
            Assert.Equal(current[..edit.Offset], next[..edit.Offset]);
            Assert.True(edit.Offset == Math.Min(current.Length, next.Length)
                        || current[edit.Offset] != next[edit.Offset], "starts after a difference");
            Assert.Equal(Math.Max(current.Length, next.Length), edit.Written(current).Length);
        });

    [Property(MaxTest = 500)]
    public Property Between_write_and_truncate_the_file_reads_as_the_new_one() =>
        Prop.ForAll(Gens.AnyHostsWithBlock.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(),
            (hosts, entries) =>
            {
                var next = Some.HostsDocumentOf(hosts.Text).Apply(entries);
                var halfway = InPlaceEdit.Between(hosts.Text, next).Written(hosts.Text);
                var read = Some.HostsDocumentOf(halfway);
                Assert.Equal(entries, read.Entries);
                var outside = read.Remove();
                var kept = hosts.Before + hosts.After;
                Assert.Equal(kept, outside[..kept.Length]);
                Assert.True(outside[kept.Length..].All(c => c == ' '), "only spaces follow");
            });

    [Fact]
    public void A_block_that_shrinks_leaves_no_second_END_before_the_truncate()
    {
        var current = "127.0.0.1 localhost\n" + Some.OriginalBlock + "10.9.9.9 user-line\n";
        var next = Some.HostsDocumentOf(current).Apply(LanguageExt.Prelude.Empty);

        var halfway = InPlaceEdit.Between(current, next).Written(current);

        Assert.Equal(1, halfway.Split('\n').Count(l => l.Trim() == Markers.End));
        Assert.Equal(next + new string(' ', current.Length - next.Length), halfway);
    }
}
