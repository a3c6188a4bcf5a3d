using System.Text.RegularExpressions;

namespace Redirector.Domain.Diff;

/// <summary>Rewrites DiffPlex's hunk headers in GNU diff's form: a range of one line is written
/// without its count, and an empty range starts at the line before it.</summary>
static partial class HunkHeader
{
    [GeneratedRegex(@"^@@ -(\d+),(\d+) \+(\d+),(\d+) @@(.*)$")]
    private static partial Regex Header();

    public static string ToGnu(string line)
    {
        var m = Header().Match(line);
        if (!m.Success) return line;
        string Range(int start, int count) =>
            count == 1 ? $"{start}" : $"{(count == 0 ? Math.Max(0, start - 1) : start)},{count}";
        var n = (int i) => int.Parse(m.Groups[i].Value);
        return $"@@ -{Range(n(1), n(2))} +{Range(n(3), n(4))} @@{m.Groups[5].Value}";
    }
}
