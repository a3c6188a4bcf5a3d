using System.Text.RegularExpressions;
using Redirector.Domain.Config;

namespace Redirector.Properties.Config;

/// <summary>README's configuration tables list exactly the keys the readers know, as the
/// schema tests do for the editor schemas: a key added to a reader and not to the README (or
/// left in the README after it went) fails here.</summary>
public partial class ReadmeKeyTests
{
    static readonly string Readme = File.ReadAllText(Path.Combine(FindRoot(), "README.md"));

    /// <summary>How README writes the keys of each mapping the LB reader knows.</summary>
    static readonly Dictionary<string, string> LbPrefixes = new()
    {
        [""] = "",
        [KnownKeys.Backend] = "backend_hosts[].",
        [KnownKeys.HealthCheck] = "healthcheck.",
        [KnownKeys.TcpConfig] = "healthcheck.config.",
        [KnownKeys.HttpConfig] = "healthcheck.config.",
    };

    [Fact]
    public void The_main_file_table_has_exactly_the_keys_the_reader_knows() =>
        Assert.Equal(KnownKeys.Main.OrderBy(k => k, StringComparer.Ordinal),
            TableKeys(0).OrderBy(k => k, StringComparer.Ordinal));

    [Fact]
    public void The_lb_file_table_has_exactly_the_keys_the_reader_knows_at_every_level()
    {
        Assert.Equal(KnownKeys.Lb.Keys.OrderBy(k => k), LbPrefixes.Keys.OrderBy(k => k));
        var known = KnownKeys.Lb
            .SelectMany(level => level.Value.Select(k => LbPrefixes[level.Key] + k))
            .Distinct().OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(string.Join("\n", known),
            string.Join("\n", TableKeys(1).OrderBy(k => k, StringComparer.Ordinal)));
    }

    /// <summary>The first column of the <paramref name="index"/>th table of the Configuration
    /// section (rows starting with a backticked key).</summary>
    static IEnumerable<string> TableKeys(int index)
    {
        var start = Readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no Configuration section");
        var end = Readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = Readme[start..(end < 0 ? Readme.Length : end)];
        var tables = TableRegex().Matches(section).Select(m => m.Value).ToList();
        Assert.True(tables.Count > index,
            $"README's Configuration section has {tables.Count} tables");
        return RowKeyRegex().Matches(tables[index]).Select(m => m.Groups[1].Value);
    }

    [GeneratedRegex(@"(^\|.*\|[ \t]*\n)+", RegexOptions.Multiline)]
    private static partial Regex TableRegex();

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex RowKeyRegex();

    static string FindRoot()
    {
        var at = new DirectoryInfo(AppContext.BaseDirectory);
        while (at is not null && !File.Exists(Path.Combine(at.FullName, "Redirector.sln")))
            at = at.Parent;
        return at?.FullName ?? throw new InvalidOperationException("Redirector.sln not found");
    }
}
