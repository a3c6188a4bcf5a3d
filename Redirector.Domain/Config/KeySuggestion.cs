using LanguageExt;

namespace Redirector.Domain.Config;

/// <summary>The warning for an unknown key: the original silently ignored typos, which is how
/// a <c>perod: 1</c> became a 5 s period nobody asked for.</summary>
static class KeySuggestion
{
    public static string Message(string key, Seq<string> known)
    {
        var shown = Field.Shown(key);
        return Closest(key, known) is { } best
            ? $"unknown key `{shown}`, did you mean `{best}`?"
            : $"unknown key `{shown}` is ignored (known keys: {string.Join(", ", known)})";
    }

    /// <summary>The known key within a third of its length in edits, ignoring case, or else
    /// the one the key abbreviates (<c>prio</c> for <c>priority</c>).</summary>
    public static string? Closest(string key, Seq<string> known)
    {
        var lower = key.ToLowerInvariant();
        return known.Map(k => (k, d: Distance(lower, k)))
                   .Filter(x => x.d <= Math.Max(2, x.k.Length / 3))
                   .OrderBy(x => x.d)
                   .Select(x => x.k)
                   .FirstOrDefault()
               ?? known.Find(k => lower.Length >= 3
                                  && k.StartsWith(lower, StringComparison.Ordinal))
                   .IfNoneUnsafe((string?)null);
    }

    /// <summary>Levenshtein distance, two rows at a time.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1),
                    previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
