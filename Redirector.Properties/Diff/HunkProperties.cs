using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Diff;

namespace Redirector.Properties.Diff;

/// <summary>Every hunk header tells the truth, read the way diff -u writes it: "-start,count"
/// with ",count" left out when it is 1, and an empty side starting at the line before it; the
/// lines a hunk keeps or removes are the old text's lines there, the lines it keeps or adds the
/// new text's.</summary>
public sealed partial class HunkProperties
{
    static readonly Gen<string> Text =
        from lines in Gen.ListOf(Gen.Elements("a", "b", "c", "d", "e", "f", "g", "h"))
        from finalNewline in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        let body = string.Join("\n", lines)
        select lines.Count == 0 ? "" : finalNewline ? body + "\n" : body;

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$")]
    private static partial Regex Header();

    static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    /// <summary>The header's (start, count) is where that side's lines stand in the text.</summary>
    static bool Agrees(string[] text, Match m, int group, IReadOnlyList<string> side)
    {
        var start = int.Parse(m.Groups[group].Value);
        var explicitCount = m.Groups[group + 1].Success;
        var count = explicitCount ? int.Parse(m.Groups[group + 1].Value) : 1;
        if (count != side.Count || (explicitCount && count == 1)) return false;
        var first = count == 0 ? start : start - 1;
        return first >= 0 && first + count <= text.Length
               && text.Skip(first).Take(count).SequenceEqual(side);
    }

    [Property(MaxTest = 300)]
    public Property Hunk_headers_say_where_their_lines_stand() =>
        Prop.ForAll(Text.ToArbitrary(), Text.ToArbitrary(), (before, after) =>
        {
            var diff = UnifiedDiff.Between(before, after, "h").TrimEnd('\n').Split('\n')
                .Where(l => !l.StartsWith('\\')).Skip(2).ToArray();
            var (oldLines, newLines) = (Lines(before), Lines(after));
            var at = 0;
            while (at < diff.Length)
            {
                var m = Header().Match(diff[at]);
                if (!m.Success) return false.Label($"not a header: {diff[at]}");
                var body = diff.Skip(at + 1).TakeWhile(l => !l.StartsWith("@@")).ToArray();
                var oldSide = body.Where(l => l[0] is ' ' or '-').Select(l => l[1..]).ToArray();
                var newSide = body.Where(l => l[0] is ' ' or '+').Select(l => l[1..]).ToArray();
                if (!Agrees(oldLines, m, 1, oldSide) || !Agrees(newLines, m, 3, newSide))
                    return false.Label($"header {diff[at]} disagrees");
                at += 1 + body.Length;
            }
            return true.ToProperty();
        });

    [Theory]
    [InlineData("a\n", "", "@@ -1 +0,0 @@")]
    [InlineData("", "a\nb\n", "@@ -0,0 +1,2 @@")]
    [InlineData("a\nb\nc\nd\ne\nf\n", "a\nb\nc\nd\ne\n", "@@ -3,4 +3,3 @@")]
    public void Headers_in_gnu_form(string before, string after, string header) =>
        Assert.Equal(header, UnifiedDiff.Between(before, after, "h").Split('\n')[2]);

    [Theory]
    [InlineData("a\n", "A\n")]
    [InlineData("a b\n", "a  b\n")]
    [InlineData("a\n", "a \n")]
    public void Changes_of_case_or_spacing_are_changes(string before, string after) =>
        Assert.Equal($"--- a/h\n+++ b/h\n@@ -1 +1 @@\n-{before}+{after}",
            UnifiedDiff.Between(before, after, "h"));
}
