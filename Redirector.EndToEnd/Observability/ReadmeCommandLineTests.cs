using System.Text.RegularExpressions;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Observability;

/// <summary>README's command-line table names every option and command that --help lists, and
/// nothing --help does not: an option added to the program and not to the README (or left in
/// the README after it went) fails here.</summary>
public sealed partial class ReadmeCommandLineTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_command_line_table_matches_the_options_and_commands_of_help()
    {
        var root = await Help();
        var commands = Section(root, "Commands").Select(line => line.Split(' ')[0]).ToList();
        var options = Options(root).ToList();
        foreach (var command in commands) options.AddRange(Options(await Help(command)));

        var rows = TableFirstColumn().ToList();
        var readmeCommands = rows.Select(r => r.TrimStart('`').Split(' ', '`')[0])
            .Where(w => !w.StartsWith('-') && w != "redirector-shell").Distinct().ToList();
        var readmeOptions = rows.SelectMany(r => OptionRegex().Matches(r).Select(m => m.Value))
            .ToHashSet();

        Assert.Equal(commands.Order(), readmeCommands.Order());
        foreach (var names in options)
            Assert.True(names.Any(readmeOptions.Contains),
                $"README's command-line table does not mention {string.Join(", ", names)}");
        foreach (var name in readmeOptions)
            Assert.True(options.Any(names => names.Contains(name)),
                $"README's command-line table names {name}, which --help does not list");
    }

    static async Task<string> Help(params string[] command)
    {
        var (code, stdout, _) = await ShellProcess.RunAsync(Bound, [.. command, "--help"]);
        Assert.Equal(0, code);
        return stdout;
    }

    /// <summary>The entries under "<paramref name="title"/>:" in a help text, unindented:
    /// lines indented by two spaces (deeper ones continue a wrapped description).</summary>
    static IEnumerable<string> Section(string help, string title) =>
        help.Split('\n').SkipWhile(l => l.TrimEnd() != $"{title}:").Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Where(l => l.Length > 2 && l[2] != ' ')
            .Select(l => l.Trim());

    /// <summary>Each option line's names (<c>-c, --config</c>), without the help's own short
    /// spellings.</summary>
    static IEnumerable<string[]> Options(string help) =>
        Section(help, "Options").Select(line => line.Split("  ")[0].Split(' ')[0..]
            .Select(n => n.TrimEnd(','))
            .Where(n => n.StartsWith('-') && n is not "-?" and not "-h").ToArray());

    static IEnumerable<string> TableFirstColumn()
    {
        var at = new DirectoryInfo(AppContext.BaseDirectory);
        while (at is not null && !File.Exists(Path.Combine(at.FullName, "Redirector.sln")))
            at = at.Parent;
        Assert.NotNull(at);
        var readme = File.ReadAllText(Path.Combine(at.FullName, "README.md"));
        var start = readme.IndexOf("\n## Command line\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no Command line section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..end].Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|')[1].Trim());
    }

    [GeneratedRegex(@"(?<![\w-])--?[a-z][a-z-]*")]
    private static partial Regex OptionRegex();
}
