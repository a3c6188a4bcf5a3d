using System.Text.RegularExpressions;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Demo;

/// <summary><c>redirector-shell demo</c>: a failover shown with nothing but the binary, and
/// nothing left behind. TMPDIR points at a folder of the test's own, so whatever the demo
/// created in "the temp folder" is seen there.</summary>
public sealed class DemoTests : IDisposable
{
    static readonly Regex BlockLine =
        new(@"^\s+127\.0\.0\.[234]\s+web\.demo\.internal$", RegexOptions.Multiline);
    static readonly Regex FailoverLine =
        new(@"failover: (127\.0\.0\.[234]) -> (127\.0\.0\.[234]) in \d+ ms");

    readonly string temp = Directory.CreateTempSubdirectory("redirector-demo-test-").FullName;

    Dictionary<string, string> Environment => new() { ["TMPDIR"] = temp };

    [Fact]
    public async Task The_demo_shows_a_failover_and_the_backend_back_then_leaves_nothing()
    {
        using var demo = ShellProcess.Start(["demo"], Environment);
        var code = await demo.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var output = demo.Stdout + demo.Stderr;
        Assert.True(code == 0, $"exit {code}\n{output}");
        Assert.Matches(BlockLine, demo.Stdout);
        var failover = FailoverLine.Match(demo.Stdout);
        Assert.True(failover.Success, output);
        Assert.NotEqual(failover.Groups[1].Value, failover.Groups[2].Value);
        Assert.Contains($"back: {failover.Groups[1].Value} ", demo.Stdout);
        Assert.Contains("Demo done", demo.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    [Fact]
    public async Task Sigint_ends_the_demo_early_with_exit_0_and_cleans_up()
    {
        using var demo = ShellProcess.Start(["demo"], Environment);
        Assert.True(await demo.WaitForStdoutAsync(o => BlockLine.IsMatch(o),
            TimeSpan.FromSeconds(15)), demo.Stdout + demo.Stderr);
        demo.Signal("INT");
        var code = await demo.WaitForExitAsync(TimeSpan.FromSeconds(5));
        Assert.True(code == 0, $"exit {code}\n{demo.Stdout}{demo.Stderr}");
        Assert.Contains("stopped early", demo.Stdout);
        Assert.DoesNotContain("Demo done", demo.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
