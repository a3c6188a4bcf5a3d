using Redirector.EndToEnd.Support;
using Redirector.Shell.HostsFiles;

namespace Redirector.EndToEnd.HostsFiles;

/// <summary>The in-place path is for "cannot rename here" only. A temp file that cannot be
/// made for another reason (disk full, a leftover with the same name) is not a reason to give
/// up the atomic write.</summary>
public sealed class TempFileFallbackTests : IDisposable
{
    readonly TempHostsFile hosts = new();

    public void Dispose() => hosts.Dispose();

    [RootFact]
    public void No_inode_left_for_a_temp_file_is_a_failure_not_an_in_place_write()
    {
        var folder = hosts.Beside("full");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "hosts");

        var (outcome, after) = PrivateMount.Run([new PrivateMount.Tmpfs(folder, "nr_inodes=2")],
            [], () =>
            {
                File.WriteAllText(path, "127.0.0.1 localhost\n");
                var written = HostsFile.Write(path, "127.0.0.1 localhost\n10.1.1.1 x\n");
                return (written, File.ReadAllText(path));
            });

        var failed = Assert.IsType<WriteOutcome.Failed>(outcome);
        Assert.Contains("ENOSPC", failed.Reason);
        Assert.Equal("127.0.0.1 localhost\n", after);
    }

    [RootFact]
    public async Task A_leftover_temp_file_of_an_earlier_run_with_the_same_pid_is_swept()
    {
        // In a fresh PID namespace the shell is PID 1, as in a container: a leftover of an
        // earlier PID 1 carries the very name its first temp file gets.
        using var dir = new ConfigDir();
        using var server = LoopbackTcpServer.Started("127.0.0.1");
        dir.WriteTcpLb("db", server.Port, ["127.0.0.1"]);
        var leftover = dir.Hosts.Beside(StaleTempFiles.Name(dir.Hosts.Path, 1, 1));
        File.WriteAllText(leftover, "half-written by an earlier PID 1\n");

        using var shell = new ChildProcess("unshare",
            ["-p", "-f", "--kill-child", "--mount-proc", "--", .. ShellProcess.Command,
                "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path, "--once"]);
        var code = await shell.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var (stdout, stderr) = (shell.Stdout, shell.Stderr);

        Assert.True(code == 0, stderr);
        Assert.Contains("# wrote", stdout);
        Assert.DoesNotContain("in place", stdout);
        Assert.False(File.Exists(leftover), "the leftover is gone");
        Assert.Equal("127.0.0.1", dir.EntryFor("db.test"));
    }
}
