using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Daemon;

/// <summary>The daemon against real loopback TCP backends: first choice, failover, cascade.</summary>
public sealed class FailoverTests
{
    static readonly string[] Three = ["127.0.0.1", "127.0.0.2", "127.0.0.3"];

    [Fact]
    public async Task First_write_names_the_first_healthy_backend_and_keeps_outside_bytes()
    {
        var servers = LoopbackTcpServer.StartMany(Three);
        servers[0].Stop();
        using var dir = new ConfigDir(hostsText: "# mine\r\n10.1.2.3\tdb  # tab\n\nlast-no-newline");
        dir.WriteTcpLb("minio", servers[0].Port, Three);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.2"), daemon.Stderr + daemon.Stdout);
        // The missing final newline is added in the file's own style (CRLF: its first line's).
        Assert.Equal("# mine\r\n10.1.2.3\tdb  # tab\n\nlast-no-newline\r\n",
            Block.Outside(dir.Hosts.Read()));
        Dispose(servers);
    }

    [Fact]
    public async Task Killing_the_active_backend_moves_the_entry_to_a_live_one()
    {
        var servers = LoopbackTcpServer.StartMany(Three);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("minio", servers[0].Port, Three);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.1"), daemon.Stdout);
        servers[0].Stop();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.2"), daemon.Stdout);
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("minio: 127.0.0.1 -> 127.0.0.2"),
            TimeSpan.FromSeconds(5)), daemon.Stdout);
        Dispose(servers);
    }

    [Fact]
    public async Task Killing_two_at_once_goes_straight_to_the_third()
    {
        var servers = LoopbackTcpServer.StartMany(Three);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("minio", servers[0].Port, Three);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.1"), daemon.Stdout);
        var seen = new HashSet<string?>();
        servers[0].Stop();
        servers[1].Stop();
        Assert.True(await Wait.UntilAsync(() =>
        {
            seen.Add(dir.EntryFor("minio.test"));
            return dir.EntryFor("minio.test") == "127.0.0.3";
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(5)), daemon.Stdout);
        Assert.DoesNotContain("127.0.0.2", seen);
        Dispose(servers);
    }

    [Theory]
    [InlineData("keep", "127.0.0.1")]
    [InlineData("remove", null)]
    public async Task All_down_follows_on_all_down(string policy, string? expected)
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", servers[0].Port, ["127.0.0.1", "127.0.0.2"],
            extra: $"on_all_down: {policy}");
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);
        servers[1].Stop();
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("127.0.0.2 went down"),
            TimeSpan.FromSeconds(10)), daemon.Stdout);
        servers[0].Stop();
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("all backends are down"),
            TimeSpan.FromSeconds(10)), daemon.Stdout);
        Assert.True(await dir.WaitForEntryAsync("db.test", expected), dir.Hosts.Read());
        servers[1].Start();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.2"), daemon.Stdout);
        Dispose(servers);
    }

    [Fact]
    public async Task A_restart_resumes_the_same_backend()
    {
        var servers = LoopbackTcpServer.StartMany(Three);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("minio", servers[0].Port, Three, strategy: "random");
        string? first;
        using (var daemon = dir.StartDaemon())
        {
            Assert.True(await Wait.UntilAsync(() => dir.EntryFor("minio.test") is not null,
                TimeSpan.FromSeconds(10)), daemon.Stdout);
            first = dir.EntryFor("minio.test");
            daemon.Signal("TERM");
            Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        }
        var before = dir.Hosts.Read();
        using (var again = dir.StartDaemon())
        {
            Assert.True(await again.WaitForStdoutAsync(o => o.Contains("first decisions made"),
                TimeSpan.FromSeconds(10)), again.Stdout);
            Assert.Equal(first, dir.EntryFor("minio.test"));
            Assert.Equal(before, dir.Hosts.Read());
        }
        Dispose(servers);
    }

    static void Dispose(IEnumerable<IDisposable> servers)
    {
        foreach (var s in servers) s.Dispose();
    }
}
