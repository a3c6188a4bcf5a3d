using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Daemon;

/// <summary>--dry-run shows the plan and writes nothing; --once writes once and exits.</summary>
public sealed class RoundTests
{
    static readonly string[] Two = ["127.0.0.1", "127.0.0.2"];

    [Fact]
    public async Task Dry_run_prints_the_diff_and_leaves_the_file_byte_identical()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        servers[0].Stop();
        using var dir = new ConfigDir(hostsText: "127.0.0.1 localhost\n");
        dir.WriteTcpLb("db", servers[0].Port, Two);
        var before = dir.Hosts.ReadBytes();
        var (code, stdout, stderr) = await dir.RunAsync("--dry-run");
        Assert.True(code == 0, stderr);
        Assert.Equal(before, dir.Hosts.ReadBytes());
        var label = dir.Hosts.Path.TrimStart('/');
        Assert.Contains($"--- a/{label}\n+++ b/{label}\n@@ -1 +1,4 @@\n 127.0.0.1 localhost\n" +
                        "+# BEGIN REDIRECTOR MANAGED BLOCK\n+127.0.0.2  db.test\n" +
                        "+# END REDIRECTOR MANAGED BLOCK\n", stdout);
        Assert.Contains("# db: db.test -> 127.0.0.2", stdout);
        Assert.Contains("#   127.0.0.1: down, refused", stdout);
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Once_writes_once_then_finds_nothing_to_do()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", servers[0].Port, Two);
        var (code, stdout, stderr) = await dir.RunAsync("--once");
        Assert.True(code == 0, stderr);
        Assert.Contains("# wrote", stdout);
        Assert.Equal("127.0.0.1", dir.EntryFor("db.test"));
        var written = File.GetLastWriteTimeUtc(dir.Hosts.Path);
        (code, stdout, _) = await dir.RunAsync("--once");
        Assert.Equal(0, code);
        Assert.Contains("already up to date", stdout);
        Assert.Equal(written, File.GetLastWriteTimeUtc(dir.Hosts.Path));
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Once_exits_1_when_the_hosts_file_cannot_be_read()
    {
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", 9, ["127.0.0.1"]);
        var (code, _, stderr) = await ShellProcess.RunAsync(TimeSpan.FromSeconds(30),
            "-c", dir.MainPath, "--hosts-file", Path.Combine(dir.Folder, "missing", "hosts"),
            "--once");
        Assert.Equal(1, code);
        Assert.Contains("does not exist", stderr);
    }

    [RootFact]
    public async Task Once_writes_a_bind_mounted_hosts_file_in_place()
    {
        var servers = LoopbackTcpServer.StartMany(Two);
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", servers[0].Port, Two);
        var source = Path.Combine(dir.Folder, "hosts.source");
        File.WriteAllText(source, "127.0.0.1 localhost\n");
        using var shell = ShellProcess.StartBindMounted(source, dir.Hosts.Path,
            "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path, "--once");
        Assert.Equal(0, await shell.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("in place", shell.Stdout);
        Assert.Equal("127.0.0.1", Block.EntryFor(File.ReadAllText(source), "db.test"));
        Assert.Empty(Directory.GetFiles(dir.Hosts.Folder, "*.tmp"));
        foreach (var s in servers) s.Dispose();
    }
}
