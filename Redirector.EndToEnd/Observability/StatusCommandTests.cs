using System.Text.Json;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Observability;

/// <summary><c>redirector-shell status</c> against a running daemon's status file.</summary>
public sealed class StatusCommandTests
{
    static readonly string[] Two = ["127.0.0.1", "127.0.0.2"];
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Status_prints_a_table_of_each_lb_and_its_backends()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir("status_file: run/status.json\n");
        Directory.CreateDirectory(Path.Combine(dir.Folder, "run"));
        dir.WriteTcpLb("minio", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.1"), daemon.Stdout);
        servers[1].Stop();
        var run = (ExitCode: (int?)null, Stdout: "", Stderr: "");
        Assert.True(await Wait.UntilAsync(() =>
        {
            run = Status(dir).GetAwaiter().GetResult();
            return run.Stdout.Contains("refused");
        }, Patience, TimeSpan.FromMilliseconds(200)), run.Stdout + run.Stderr + daemon.Stdout);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"redirector pid {daemon.Pid}, up ", run.Stdout);
        Assert.Matches(@"minio \(minio\.test, sequential\): active 127\.0\.0\.1 for \d",
            run.Stdout);
        Assert.Matches(@"\* +127\.0\.0\.1 +up +127\.0\.0\.1 +ok [\d.]+s ago +[\d.]+ ms",
            run.Stdout);
        Assert.Matches(@"\n +127\.0\.0\.2 +down +\S+ +failed [\d.]+s ago .*refused", run.Stdout);
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Status_json_prints_the_status_file_for_scripts()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir("status_file: status.json\n");
        dir.WriteTcpLb("minio", servers[0].Port, Two);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.1"), daemon.Stdout);
        servers[0].Stop();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.2"), daemon.Stdout);
        JsonElement lb = default;
        Assert.True(await Wait.UntilAsync(() =>
        {
            var run = Status(dir, "--json").GetAwaiter().GetResult();
            if (run.ExitCode != 0) return false;
            lb = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("lbs")[0];
            return lb.GetProperty("active").GetString() == "127.0.0.2";
        }, Patience, TimeSpan.FromMilliseconds(200)), daemon.Stdout);
        Assert.Equal("minio", lb.GetProperty("name").GetString());
        Assert.Equal("127.0.0.2", lb.GetProperty("address").GetString());
        var first = lb.GetProperty("backends")[0];
        Assert.Equal("down", first.GetProperty("state").GetString());
        Assert.False(first.GetProperty("last_probe").GetProperty("ok").GetBoolean());
        Assert.Equal("refused", first.GetProperty("last_probe").GetProperty("reason").GetString());
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Without_a_daemon_status_exits_1_with_a_clear_message()
    {
        using var dir = new ConfigDir("status_file: status.json\n");
        var run = await Status(dir);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"redirector-shell status: no daemon status at " +
                     $"{Path.Combine(dir.Folder, "status.json")}: the daemon is not running, " +
                     "or runs with another status_file\n", run.Stderr);
    }

    [Fact]
    public async Task A_clean_stop_removes_the_status_file()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir("status_file: status.json\n");
        var status = Path.Combine(dir.Folder, "status.json");
        dir.WriteTcpLb("db", server.Port, ["127.0.0.1"]);
        using var daemon = dir.StartDaemon();
        Assert.True(await Wait.UntilAsync(() => File.Exists(status), Patience), daemon.Stdout);
        daemon.Signal("TERM");
        Assert.Equal(0, await daemon.WaitForExitAsync(Patience));
        Assert.False(File.Exists(status));
        Assert.Equal(1, (await Status(dir)).ExitCode);
    }

    [Fact]
    public async Task A_status_left_by_a_dead_daemon_is_shown_but_called_stale()
    {
        using var dir = new ConfigDir("status_file: status.json\n");
        // A pid above the kernel's pid_max cannot belong to a live process.
        File.WriteAllText(Path.Combine(dir.Folder, "status.json"), """
            {"version":1,"pid":2147483600,"started_at":"2026-01-01T00:00:00+00:00",
             "written_at":"2026-01-01T00:00:00+00:00","hosts_file":"/etc/hosts",
             "first_decisions_made":true,"lbs":[]}
            """);
        var run = await Status(dir);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("redirector pid 2147483600", run.Stdout);
        Assert.Contains("no load balancers configured", run.Stdout);
        Assert.Contains("(pid 2147483600) is not running; this status is stale", run.Stderr);
    }

    [Fact]
    public async Task A_broken_main_config_is_a_usage_error()
    {
        using var dir = new ConfigDir("status_file: [a]\n");
        var run = await Status(dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{dir.MainPath}:1:14: status_file: expected a text value, got a list\n",
            run.Stderr);
    }

    static Task<(int? ExitCode, string Stdout, string Stderr)> Status(
        ConfigDir dir, params string[] extra) =>
        ShellProcess.RunAsync(TimeSpan.FromSeconds(30), ["status", "-c", dir.MainPath, .. extra]);
}
