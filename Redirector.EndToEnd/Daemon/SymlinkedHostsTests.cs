using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Daemon;

/// <summary>A hosts file that is a symlink into another folder (a config-management layout):
/// edits of the target are noticed as fast as edits of a plain file, also after the link is
/// pointed elsewhere.</summary>
public sealed class SymlinkedHostsTests
{
    static readonly string[] Two = ["127.0.0.1", "127.0.0.2"];
    static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);
    const string Rewritten = "# rewritten by config management\n127.0.0.1 localhost\n";

    [Fact]
    public async Task A_rewrite_of_the_link_target_is_repaired_within_a_second()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir();
        using var links = new TempHostsFile("");
        var link = links.Beside("hosts-link");
        File.CreateSymbolicLink(link, dir.Hosts.Path);
        dir.WriteTcpLb("db", server.Port, Two, period: 30);
        using var daemon = ShellProcess.Start("-c", dir.MainPath, "--hosts-file", link);
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);

        dir.Hosts.Write(Rewritten);
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1", Prompt.TotalSeconds),
            dir.Hosts.Read() + daemon.Stdout);
        Assert.StartsWith(Rewritten + "# BEGIN", dir.Hosts.Read());
        Assert.Equal(dir.Hosts.Path, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public async Task After_the_link_is_pointed_elsewhere_its_new_target_is_watched()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir();
        using var links = new TempHostsFile("");
        using var second = new TempHostsFile("127.0.0.1 second\n");
        var link = links.Beside("hosts-link");
        File.CreateSymbolicLink(link, dir.Hosts.Path);
        dir.WriteTcpLb("db", server.Port, Two, period: 30);
        using var daemon = ShellProcess.Start("-c", dir.MainPath, "--hosts-file", link);
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);

        // As config management re-points a link: a new link renamed over the old one.
        var fresh = links.Beside("hosts-link.new");
        File.CreateSymbolicLink(fresh, second.Path);
        File.Move(fresh, link, overwrite: true);
        Assert.True(await Wait.UntilAsync(
            () => Block.EntryFor(second.Read(), "db.test") == "127.0.0.1", Prompt),
            second.Read() + daemon.Stdout);

        second.Write(Rewritten);
        Assert.True(await Wait.UntilAsync(
            () => Block.EntryFor(second.Read(), "db.test") == "127.0.0.1", Prompt),
            second.Read() + daemon.Stdout);
        Assert.StartsWith(Rewritten + "# BEGIN", second.Read());
    }
}
