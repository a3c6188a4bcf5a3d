using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.HostsFiles;

/// <summary>An in-place write (bind-mounted file) that fails after it changed bytes: strace
/// makes the kernel fail the truncate (and then the restoring write) of the hosts file only.
/// The outcome says what happened and the file's outside bytes are what they were whenever
/// they can be written back.</summary>
public sealed class InPlaceFaultTests : IDisposable
{
    const string Before = "127.0.0.1 localhost\n# BEGIN REDIRECTOR MANAGED BLOCK\n" +
                          "127.0.0.2  db.test\n# END REDIRECTOR MANAGED BLOCK\n" +
                          "10.9.9.9 user-line-after-block\n";

    readonly ConfigDir dir = new();
    readonly LoopbackTcpServer server = LoopbackTcpServer.Started("127.0.0.3");
    readonly string source;

    public InPlaceFaultTests()
    {
        dir.WriteTcpLb("db", server.Port, ["127.0.0.3"]);
        source = dir.Hosts.Beside("mounted-source");
        File.WriteAllText(source, Before);
    }

    public void Dispose()
    {
        server.Dispose();
        dir.Dispose();
    }

    async Task<(int? Code, string Stderr)> OnceUnder(params string[] inject)
    {
        string[] strace = ["strace", "-f", "-qq", "-o", "/dev/null", "-P", dir.Hosts.Path,
            "-P", source, .. inject.SelectMany(i => new[] { "-e", $"inject={i}" })];
        using var shell = new ChildProcess("unshare", ShellProcess.BindMounted(source,
            dir.Hosts.Path, [.. strace, .. ShellProcess.Command, "-c", dir.MainPath,
                "--hosts-file", dir.Hosts.Path, "--once"]));
        var code = await shell.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, shell.Stderr);
    }

    [StraceFact]
    public async Task A_failure_after_bytes_changed_writes_the_old_bytes_back_and_says_so()
    {
        var (code, stderr) = await OnceUnder("ftruncate:error=EIO:when=1");

        Assert.Equal(1, code);
        Assert.Contains("its old bytes were written back", stderr);
        Assert.Equal(Before, File.ReadAllText(source));
    }

    [StraceFact]
    public async Task A_failure_that_cannot_be_undone_is_reported_as_damage()
    {
        var (code, stderr) = await OnceUnder("ftruncate:error=EIO", "pwrite64:error=EIO:when=2+");

        Assert.Equal(1, code);
        Assert.Contains("could not be written back", stderr);
        Assert.Contains("check the file", stderr);
    }
}
