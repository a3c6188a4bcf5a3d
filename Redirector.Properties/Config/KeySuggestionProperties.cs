using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

/// <summary>The warning for an unknown key of the main file against a model: the known key
/// closest in edits (case ignored, at most a third of its length and at least 2 allowed, the
/// first in list order on a tie), else the key it abbreviates (3 letters or more), else the
/// list of known keys.</summary>
public class KeySuggestionProperties
{
    /// <summary>Levenshtein distance by its recursive definition, memoised.</summary>
    static int Edits(string a, string b)
    {
        var memo = new Dictionary<(int, int), int>();
        int D(int i, int j)
        {
            if (i == 0) return j;
            if (j == 0) return i;
            if (memo.TryGetValue((i, j), out var known)) return known;
            var d = new[]
            {
                D(i - 1, j) + 1, D(i, j - 1) + 1, D(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1),
            }.Min();
            memo[(i, j)] = d;
            return d;
        }
        return D(a.Length, b.Length);
    }

    static string Expected(string key)
    {
        var known = MainConfigReader.Keys.ToArray();
        var lower = key.ToLowerInvariant();
        var close = known.Select(k => (k, d: Edits(lower, k)))
            .Where(x => x.d <= Math.Max(2, x.k.Length / 3)).ToArray();
        var best = close.Length > 0
            ? close.First(x => x.d == close.Min(y => y.d)).k
            : known.FirstOrDefault(k => lower.Length >= 3 && k.StartsWith(lower));
        return best is not null
            ? $"config.yml:1:1: {key}: unknown key `{key}`, did you mean `{best}`?"
            : $"config.yml:1:1: {key}: unknown key `{key}` is ignored (known keys: " +
              string.Join(", ", known) + ")";
    }

    /// <summary>A known key with a few random edits, or a random word.</summary>
    static readonly Gen<string> Keys =
        from start in Gen.Frequency(
            (4, Gen.Elements(MainConfigReader.Keys.ToArray())),
            (1, Gen.Elements("x", "lo", "log", "pid", "hosts", "nodes", "zzzzzz")))
        from edits in Gen.ListOf(
            from kind in Gen.Choose(0, 2)
            from at in Gen.Choose(0, 100)
            from c in Gen.Elements('a', 'e', 'o', 's', '_', 'L', 'X')
            select (kind, at, c))
        let key = edits.Take(4).Aggregate(start, (k, e) => e.kind switch
        {
            0 => k.Insert(e.at % (k.Length + 1), e.c.ToString()),
            1 when k.Length > 1 => k.Remove(e.at % k.Length, 1),
            _ => k.Length == 0 ? k : k.Remove(e.at % k.Length, 1).Insert(e.at % k.Length,
                e.c.ToString()),
        })
        where !MainConfigReader.Keys.Contains(key) && !key.StartsWith('_')
        select key;

    [Property(MaxTest = 400)]
    public Property An_unknown_key_gets_the_models_suggestion() =>
        Prop.ForAll(Keys.ToArbitrary(), key =>
        {
            var warnings = MainConfigReader.Read("config.yml", $"{key}: 1\n", "/etc/redirector")
                .Warnings.Map(w => w.ToString());
            return (warnings == Seq1(Expected(key))).Label(string.Join("\n", warnings));
        });

    [Theory]
    [InlineData("PID_FILE", "pid_file")]
    [InlineData("pidfile", "pid_file")]
    [InlineData("metrics", "metrics_listen")]
    [InlineData("strict", "strict_permissions")]
    [InlineData("met", "metrics_listen")]
    [InlineData("pid", "pid_file")]
    // Within the edit limit of log_file_max_bytes, and also the start of log_file_max_backups:
    // the closest in edits comes first.
    [InlineData("log_file_max_ba", "log_file_max_bytes")]
    public void Case_typos_and_abbreviations_are_recognised(string key, string known) =>
        Assert.Equal(Seq1($"config.yml:1:1: {key}: unknown key `{key}`, did you mean `{known}`?"),
            MainConfigReader.Read("config.yml", $"{key}: 1\n", "/etc/redirector").Warnings
                .Map(w => w.ToString()));
}
