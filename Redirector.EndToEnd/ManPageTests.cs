using System.Text.RegularExpressions;
using Redirector.Domain.Config;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd;

/// <summary>The man page (man/redirector-shell.8.md, the package's redirector-shell(8)) names
/// every option and command the binary's --help lists and every key the config readers know,
/// so a new option or key cannot ship undocumented.</summary>
public sealed partial class ManPageTests
{
    static readonly string Page = File.ReadAllText(RepoFile("man/redirector-shell.8.md"));

    public static TheoryData<string> ConfigKeys()
    {
        var data = new TheoryData<string>();
        foreach (var key in KnownKeys.Main.Concat(KnownKeys.Lb.Values.SelectMany(k => k))
                     .Distinct().Order())
            data.Add(key);
        return data;
    }

    [Theory]
    [MemberData(nameof(ConfigKeys))]
    public void Every_config_key_is_in_the_man_page(string key) =>
        Assert.True(Regex.IsMatch(Page, $@"\*\*([a-z_]+\.)*{Regex.Escape(key)}\*\*"),
            $"man/redirector-shell.8.md does not name the key {key} (as **{key}**)");

    [Theory]
    [InlineData("--help")]
    [InlineData("status", "--help")]
    public async Task Every_option_and_command_of_help_is_in_the_man_page(params string[] args)
    {
        var (exit, stdout, _) = await ShellProcess.RunAsync(TimeSpan.FromSeconds(30), args);
        Assert.Equal(0, exit);
        var listed = HelpOption().Matches(stdout).Select(m => m.Groups[1].Value)
            .Concat(stdout.Split("Commands:").Skip(1)
                .SelectMany(c => HelpCommand().Matches(c).Select(m => m.Groups[1].Value)))
            .ToList();
        Assert.Contains("--config", listed);
        // Markdown escapes "--" as "\--" so pandoc keeps both dashes.
        var page = Page.Replace(@"\-", "-");
        foreach (var name in listed)
            Assert.True(page.Contains($"**{name}**"),
                $"man/redirector-shell.8.md does not name {name} (as **{name}**)");
    }

    static string RepoFile(string relative)
    {
        var at = new DirectoryInfo(AppContext.BaseDirectory);
        while (at is not null && !File.Exists(Path.Combine(at.FullName, "Redirector.sln")))
            at = at.Parent;
        Assert.NotNull(at);
        return Path.Combine(at.FullName, relative);
    }

    /// <summary>Every long or short option in a help text ("-c, --config &lt;config&gt;").
    /// </summary>
    [GeneratedRegex(@"(?<![\w-])(--?[a-z?][a-z-]*)")]
    private static partial Regex HelpOption();

    /// <summary>A command line under "Commands:" ("  status  Show what...").</summary>
    [GeneratedRegex(@"^  ([a-z]+)  ", RegexOptions.Multiline)]
    private static partial Regex HelpCommand();
}
