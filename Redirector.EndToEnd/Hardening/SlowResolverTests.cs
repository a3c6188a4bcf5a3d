using System.Diagnostics;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Hardening;

/// <summary>A resolver that never answers must not stretch a probe past its timeout: the
/// probe fails "DNS timeout" in time and the LB's other backend is written. The shell runs in
/// a private mount namespace whose resolv.conf names a loopback server that receives queries
/// and never replies (glibc would wait 30 s × 2 attempts), so no query leaves the machine.
/// The bound leaves room for the start of a process on a loaded machine (2-4 s seen) and is
/// still far below what waiting for the resolver would take.</summary>
[Trait("Category", "Hardening")]
[Collection(HardeningCollection.Name)]
public sealed class SlowResolverTests : IDisposable
{
    const string Silent = "silent-backend.invalid";
    // timeout: 1 everywhere; one attempt of the resolver alone takes 30 s.
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    readonly ConfigDir dir = new();
    readonly SilentResolver resolver = new();
    readonly string resolv;

    public SlowResolverTests()
    {
        resolv = Path.Combine(dir.Folder, "resolv.conf");
        File.WriteAllText(resolv, resolver.ResolvConf());
    }

    public void Dispose()
    {
        resolver.Dispose();
        dir.Dispose();
    }

    void WriteLbs(int tcpPort, int httpPort)
    {
        dir.WriteTcpLb("dns", tcpPort, [Silent, "127.0.0.1"]);
        dir.WriteLb("web", $"""
            name: web
            local_host: web.test
            backend_hosts: ["{Silent}", "127.0.0.1"]
            strategy: sequential
            healthcheck:
              type: http
              period: 30
              config:
                port: {httpPort}
                path: /health
                timeout: 1
            """);
    }

    [RootFact]
    public async Task Once_ends_within_the_timeout_and_says_dns_timeout()
    {
        using var tcp = LoopbackTcpServer.Started();
        using var http = LoopbackHttpServer.Started();
        WriteLbs(tcp.Port, http.Port);

        var clock = Stopwatch.StartNew();
        using var shell = ShellProcess.StartBindMounted(resolv, "/etc/resolv.conf",
            "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path, "--once");
        var code = await shell.WaitForExitAsync(TimeSpan.FromSeconds(40));
        var took = clock.Elapsed;

        Assert.True(code == 0, $"exit {code}: {shell.Stdout}{shell.Stderr}");
        Assert.True(took < Bound, $"took {took}\n{shell.Stdout}");
        var down = shell.Stdout.Split('\n').Where(l => l.Contains($"{Silent}: down")).ToList();
        Assert.Equal(2, down.Count);
        Assert.All(down, l => Assert.Contains("DNS timeout after 1s", l));
        Assert.Equal("127.0.0.1", dir.EntryFor("dns.test"));
        Assert.Equal("127.0.0.1", dir.EntryFor("web.test"));
        // Both LBs probe the name at once: one getaddrinfo (one A and one AAAA query).
        Assert.InRange(resolver.Queries, 1, 2);
    }

    [RootFact]
    public async Task The_daemon_writes_its_first_block_within_the_timeout()
    {
        using var tcp = LoopbackTcpServer.Started();
        using var http = LoopbackHttpServer.Started();
        WriteLbs(tcp.Port, http.Port);

        var clock = Stopwatch.StartNew();
        using var daemon = ShellProcess.StartBindMounted(resolv, "/etc/resolv.conf",
            "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path);
        var written = await daemon.WaitForHostsAsync(dir.Hosts.Path,
            text => Block.EntryFor(text, "dns.test") == "127.0.0.1"
                    && Block.EntryFor(text, "web.test") == "127.0.0.1",
            TimeSpan.FromSeconds(30));
        var took = clock.Elapsed;
        var logged = await Wait.UntilAsync(
            () => daemon.Stdout.Contains("first decisions made"), TimeSpan.FromSeconds(5));

        Assert.True(written && logged, daemon.Stdout + daemon.Stderr);
        Assert.True(took < Bound, $"first write after {took}\n{daemon.Stdout}");
        // From the daemon's own clock, without the process start: the 1 s timeout plus slack.
        var inside = LoggedAt(daemon.Stdout, "first decisions made")
                     - LoggedAt(daemon.Stdout, " started: ");
        Assert.True(inside < TimeSpan.FromSeconds(3), $"first write {inside} after the start");
        Assert.Contains($"{Silent} is down: DNS timeout after 1s", daemon.Stdout);
    }

    /// <summary>The time stamp of the first log line containing <paramref name="text"/>.
    /// </summary>
    static DateTime LoggedAt(string log, string text)
    {
        var line = log.Split('\n').First(l => l.Contains(text));
        return DateTime.ParseExact(line[..23], "yyyy-MM-dd HH:mm:ss,fff",
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
