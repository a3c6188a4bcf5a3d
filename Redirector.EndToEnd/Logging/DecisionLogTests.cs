using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Logging;

/// <summary>Each decision is said once, in the words of what happened: a first choice, a
/// backend kept on restart, nothing for an LB whose entry a reload left as it was.</summary>
public sealed class DecisionLogTests
{
    static readonly string[] Two = ["127.0.0.1", "127.0.0.2"];
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_decision_says_chosen_and_why()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        servers[0].Stop();
        using var dir = new ConfigDir();
        dir.WriteTcpLb("web", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        Assert.True(await daemon.WaitForStdoutAsync(
            o => o.Contains("web: 127.0.0.2 chosen (first healthy in list order)"), Timeout),
            daemon.Stdout);
        Assert.DoesNotContain("(none)", daemon.Stdout);
        Assert.DoesNotContain("->", daemon.Stdout);
        Dispose(servers);
    }

    [Fact]
    public async Task A_restart_says_the_backend_was_kept_from_the_existing_block()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("web", servers[0].Port, Two);
        using (var first = dir.StartDaemon())
        {
            Assert.True(await dir.WaitForEntryAsync("web.test", "127.0.0.1"), first.Stdout);
            first.Signal("TERM");
            Assert.Equal(0, await first.WaitForExitAsync(Timeout));
        }
        using var second = dir.StartDaemon();
        Assert.True(await second.WaitForStdoutAsync(
            o => o.Contains("first decisions made"), Timeout), second.Stdout);
        Assert.Contains("web: kept 127.0.0.1 from the existing block", second.Stdout);
        Assert.DoesNotContain("chosen", second.Stdout);
        Dispose(servers);
    }

    [Fact]
    public async Task A_reload_logs_no_decision_for_an_LB_whose_entry_stays()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("web", servers[0].Port, Two);
        dir.WriteTcpLb("db", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        // Every backend's first result, not only the first decisions: a sequential LB may
        // decide before its second backend has answered, and that answer must not land after
        // the reload below.
        Assert.True(await daemon.WaitForStdoutAsync(
            o => o.Contains("first decisions made")
                 && o.Contains("web: backend 127.0.0.2 is up")
                 && o.Contains("db: backend 127.0.0.2 is up"), Timeout), daemon.Stdout);

        // db changes (its period) and restarts; web does not change at all.
        dir.WriteTcpLb("db", servers[0].Port, Two, period: 0.4);
        daemon.Signal("HUP");
        Assert.True(await daemon.WaitForStdoutAsync(
            o => After(o, "config reloaded").Contains("db: backend 127.0.0.2 is up")
                 && After(o, "config reloaded").Contains("db: backend 127.0.0.1 is up"),
            Timeout), daemon.Stdout);
        // The decision comes with the results above; give a late line time to show.
        await Task.Delay(500);
        var afterReload = After(daemon.Stdout, "config reloaded");
        // These backends close every connection at once: their watch lines are no decision.
        Assert.DoesNotContain("web:", WithoutWatchLines(afterReload));
        Assert.DoesNotContain("kept", afterReload);
        Assert.DoesNotContain("chosen", afterReload);
        Assert.Equal("127.0.0.1", dir.EntryFor("db.test"));
        Dispose(servers);
    }

    static string WithoutWatchLines(string text) => string.Join('\n', text.Split('\n')
        .Where(l => !l.Contains("watch connection") && !l.Contains("is not watched")));

    static string After(string text, string marker) =>
        text.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0 ? text[at..] : "";

    static void Dispose(IEnumerable<LoopbackServer> servers)
    {
        foreach (var s in servers) s.Dispose();
    }
}
