using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Redirector.Shell.Probes;

/// <summary>The check regexes, compiled once per pattern and shared by every probe. Patterns
/// are written for Python's <c>re</c>; its few spellings .NET lacks are translated. A match
/// timeout keeps a pathological pattern on a large body from stalling a probe.</summary>
static class PatternCache
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    static readonly ConcurrentDictionary<(string Pattern, bool Anchored), Regex> Compiled = new();

    /// <summary>Anchored at the start like Python's re.match: "2" and "^2" accept 200.</summary>
    public static Regex Status(string pattern) => Get(pattern, anchored: true);

    /// <summary>Searched anywhere like Python's re.search: "ready" in "status: ready".</summary>
    public static Regex Body(string pattern) => Get(pattern, anchored: false);

    static Regex Get(string pattern, bool anchored)
    {
        try
        {
            return Compiled.GetOrAdd((pattern, anchored), key => new Regex(
                (key.Anchored ? @"\G(?:" : "(?:") + FromPython(key.Pattern) + ")",
                RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (ArgumentException e)
        {
            throw new ProbeFailure($"invalid regex '{pattern}': {e.Message}");
        }
    }

    /// <summary>(?P&lt;n&gt;...) and (?P=n) are Python's named groups; \Z is .NET's \z.</summary>
    internal static string FromPython(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                text.Append(pattern[i + 1] == 'Z' ? @"\z" : pattern.Substring(i, 2));
                i++;
            }
            else if (string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                text.Append("(?<");
                i += 3;
            }
            else if (string.CompareOrdinal(pattern, i, "(?P=", 0, 4) == 0
                     && pattern.IndexOf(')', i) is var close and > 0)
            {
                text.Append(@"\k<").Append(pattern, i + 4, close - i - 4).Append('>');
                i = close;
            }
            else
            {
                text.Append(pattern[i]);
            }
        }
        return text.ToString();
    }
}
