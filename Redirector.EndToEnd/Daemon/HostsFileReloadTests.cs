using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Daemon;

/// <summary>hosts_file is read at start: a SIGHUP that would move it is refused, and the daemon
/// goes on keeping the block of the file it started with (watching it, and removing the block
/// from it on stop with persist_hosts_block: false).</summary>
public sealed class HostsFileReloadTests
{
    static readonly string[] Two = ["127.0.0.1", "127.0.0.2"];

    [Fact]
    public async Task A_reload_that_moves_hosts_file_is_refused_and_the_old_file_stays_kept()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir();
        var other = new TempHostsFile("# other\n");
        using var _ = other;
        dir.WriteMain($"hosts_file: {dir.Hosts.Path}\npersist_hosts_block: false\n");
        dir.WriteTcpLb("db", server.Port, Two, period: 30);
        using var daemon = ShellProcess.Start("-c", dir.MainPath);
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);

        dir.WriteMain($"hosts_file: {other.Path}\npersist_hosts_block: false\n");
        daemon.Signal("HUP");
        Assert.True(await daemon.WaitForStdoutAsync(
            o => o.Contains("config reload refused") && o.Contains("hosts_file"),
            TimeSpan.FromSeconds(10)), daemon.Stdout);
        Assert.Contains($"{dir.MainPath}: hosts_file: ", daemon.Stdout);

        // Still watched: a rewrite without the block is repaired long before the next probe.
        dir.Hosts.Write("# rewritten\n127.0.0.1 localhost\n");
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1", seconds: 3),
            dir.Hosts.Read() + daemon.Stdout);
        daemon.Signal("TERM");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("# rewritten\n127.0.0.1 localhost\n", dir.Hosts.Read());
        Assert.Equal("# other\n", other.Read());
    }

    [Fact]
    public async Task With_the_hosts_file_flag_a_changed_key_moves_nothing_and_the_reload_applies()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        var other = new TempHostsFile("# other\n");
        using var _ = other;
        dir.WriteTcpLb("db", servers[0].Port, Two, period: 30);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);

        // The command line wins over the key, at start as on reload.
        dir.WriteMain($"hosts_file: {other.Path}\n");
        dir.WriteTcpLb("cache", servers[0].Port, ["127.0.0.2"], period: 30);
        daemon.Signal("HUP");
        Assert.True(await dir.WaitForEntryAsync("cache.test", "127.0.0.2"), daemon.Stdout);
        Assert.DoesNotContain("reload refused", daemon.Stdout);
        Assert.Equal("# other\n", other.Read());
        foreach (var s in servers) s.Dispose();
    }
}
