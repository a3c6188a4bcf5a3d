using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Observability;

/// <summary>A daemon started by hand (no systemd RuntimeDirectory=) makes its status folder, so
/// <c>redirector-shell status</c> finds it.</summary>
public sealed class StatusFolderTests
{
    [Fact]
    public async Task The_daemon_creates_a_missing_status_folder_and_status_finds_the_file()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir("status_file: run/redirector/status.json\n");
        var folder = Path.Combine(dir.Folder, "run", "redirector");
        Assert.False(Directory.Exists(folder));
        dir.WriteTcpLb("db", server.Port, ["127.0.0.1"]);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);

        var run = (ExitCode: (int?)null, Stdout: "", Stderr: "");
        Assert.True(await Wait.UntilAsync(() =>
        {
            run = ShellProcess.RunAsync(TimeSpan.FromSeconds(30), "status", "-c", dir.MainPath)
                .GetAwaiter().GetResult();
            return run.ExitCode == 0;
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)),
            run.Stdout + run.Stderr + daemon.Stdout);
        Assert.Contains($"redirector pid {daemon.Pid}, up ", run.Stdout);
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            File.GetUnixFileMode(folder));
        Assert.DoesNotContain("not written", daemon.Stdout);
    }
}
