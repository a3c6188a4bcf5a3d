using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Hardening;

/// <summary>A body regex that backtracks for its whole match timeout on every probe must not
/// hold up another LB's probe. The real shell completes socket operations inline on one
/// thread per core; a verdict computed there would stall every socket of that thread, so a
/// healthy backend answering meanwhile would time out. Twenty such probes keep each of two
/// socket threads busy for about 5 s, longer than the healthy LB's 3.5 s timeout, which
/// leaves room for a loaded machine (the first probe of a process also compiles the HTTP
/// code).</summary>
[Trait("Category", "Hardening")]
[Collection(HardeningCollection.Name)]
public sealed class SlowVerdictTests : IDisposable
{
    const int SlowLbs = 20;
    // (a|aa)+$ tries every way to split the run of a's before failing at the '!'.
    const string Pathological = "(a|aa)+$";

    readonly ConfigDir dir = new();

    public void Dispose() => dir.Dispose();

    static string HttpLb(string name, int port, double timeout, string extra = "") => $"""
        name: {name}
        local_host: {name}.test
        backend_hosts: ["127.0.0.1"]
        strategy: sequential
        healthcheck:
          type: http
          period: 30
          config:
            port: {port}
            path: /health
            timeout: {timeout.ToString(System.Globalization.CultureInfo.InvariantCulture)}
        {extra}
        """;

    [Fact]
    public async Task A_pathological_body_regex_does_not_delay_another_lbs_probe()
    {
        using var slow = LoopbackHttpServer.Started(HttpReply.Ok(new string('a', 40) + "!"));
        // Answers while the slow verdicts run, so its completion meets a busy socket thread.
        using var healthy = LoopbackHttpServer.Started(
            HttpReply.Ok().After(TimeSpan.FromSeconds(1)));
        for (var i = 0; i < SlowLbs; i++)
            dir.WriteLb($"slow{i:00}", HttpLb($"slow{i:00}", slow.Port, timeout: 25,
                $"    expected_response: \"{Pathological}\""));
        dir.WriteLb("healthy", HttpLb("healthy", healthy.Port, timeout: 3.5));

        var (code, stdout, stderr) = await dir.RunAsync("--dry-run");

        Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");
        var lines = stdout.Split('\n');
        var healthyLine = Assert.Single(lines, l => l.StartsWith("# healthy:"));
        Assert.Contains("-> 127.0.0.1", healthyLine);
        Assert.Contains(lines, l => l.Contains("127.0.0.1: down, body"));
    }
}
