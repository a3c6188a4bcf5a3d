using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Observability;

/// <summary>--help documents every option, and the examples show each mode in use.</summary>
public sealed class HelpTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Root_help_describes_every_option_and_shows_each_mode_in_an_example()
    {
        var (code, stdout, _) = await ShellProcess.RunAsync(Bound, "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "-c, --config", "--check", "--dry-run", "--once",
                     "--hosts-file", "--version", "--help", "status" })
            Assert.Matches($@"\n  (\S+, )*{Regex(option)}( <[a-z-]+>)? {{2,}}\S", stdout);
        foreach (var example in new[] { "-c /etc/redirector/config.yml ", "--check ",
                     "--dry-run --hosts-file ", "--once ", "status -c " })
            Assert.Matches($@"\n +redirector-shell [^\n]*{Regex(example)}", stdout);
    }

    [Fact]
    public async Task Status_help_describes_its_options_with_an_example()
    {
        var (code, stdout, _) = await ShellProcess.RunAsync(Bound, "status", "--help");
        Assert.Equal(0, code);
        Assert.Contains("-c, --config <config> (REQUIRED)", stdout);
        Assert.Contains("--json", stdout);
        Assert.Contains("Example: redirector-shell status -c /etc/redirector/config.yml [--json]",
            stdout);
    }

    static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
