using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Daemon;

/// <summary>Signals, reloads, and another program editing the hosts file.</summary>
public sealed class LifecycleTests
{
    static readonly string[] Two = ["127.0.0.1", "127.0.0.2"];

    [Fact]
    public async Task Sigterm_with_persist_false_removes_the_block_and_the_pid_file()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir(hostsText: "# keep me\n127.0.0.1 localhost\n");
        var pid = Path.Combine(dir.Folder, "redirector.pid");
        dir.WriteMain($"persist_hosts_block: false\npid_file: {pid}\n");
        dir.WriteTcpLb("db", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);
        Assert.Equal($"{daemon.Pid}", File.ReadAllText(pid).Trim());
        daemon.Signal("TERM");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("# keep me\n127.0.0.1 localhost\n", dir.Hosts.Read());
        Assert.False(File.Exists(pid));
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Sigterm_with_persist_true_keeps_the_block()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);
        daemon.Signal("INT");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("127.0.0.1", dir.EntryFor("db.test"));
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Sighup_applies_a_valid_config_and_refuses_an_invalid_one()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);

        dir.WriteTcpLb("cache", servers[0].Port, ["127.0.0.2"]);
        daemon.Signal("HUP");
        Assert.True(await dir.WaitForEntryAsync("cache.test", "127.0.0.2"), daemon.Stdout);
        Assert.Equal("127.0.0.1", dir.EntryFor("db.test"));
        Assert.True(await daemon.WaitForStdoutAsync(
            o => o.Contains("1 unchanged, 0 changed, 1 added, 0 removed"),
            TimeSpan.FromSeconds(5)), daemon.Stdout);

        dir.WriteLb("broken", "name: broken\nlocal_host: bad name\n");
        daemon.Signal("HUP");
        Assert.True(await daemon.WaitForStdoutAsync(
            o => o.Contains("config reload refused") && o.Contains("broken.yml:2:"),
            TimeSpan.FromSeconds(10)), daemon.Stdout);
        // The old config keeps running: a failover still happens.
        servers[0].Stop();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.2"), daemon.Stdout);
        Assert.False(daemon.HasExited);
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task An_external_rewrite_that_drops_the_block_is_repaired()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", servers[0].Port, Two, period: 5);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);
        dir.Hosts.Write("# rewritten by config management\n127.0.0.1 localhost\n");
        // Well before the next probe (period 5 s): the file watch wakes the daemon.
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1", seconds: 3), dir.Hosts.Read());
        Assert.StartsWith("# rewritten by config management\n127.0.0.1 localhost\n# BEGIN",
            dir.Hosts.Read());
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Broken_markers_are_reported_and_nothing_is_written()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        var broken = "127.0.0.1 localhost\n# BEGIN REDIRECTOR MANAGED BLOCK\n10.0.0.1 x\n";
        using var dir = new ConfigDir(hostsText: broken);
        dir.WriteTcpLb("db", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("line 2"),
            TimeSpan.FromSeconds(10)), daemon.Stdout);
        await Task.Delay(700);
        Assert.Equal(broken, dir.Hosts.Read());
        // Fixed by hand: the daemon picks it up by itself.
        dir.Hosts.Write("127.0.0.1 localhost\n");
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);
        foreach (var s in servers) s.Dispose();
    }
}
