using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.HostsFiles;

/// <summary>A system without a hosts file (glibc reads a missing one as empty) gets one holding
/// only the block, 0644; with nothing to write, none is created.</summary>
public sealed class MissingHostsFileTests
{
    [Fact]
    public async Task Once_creates_a_missing_hosts_file_holding_the_block()
    {
        using var server = LoopbackTcpServer.Started("127.0.0.1");
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", server.Port, ["127.0.0.1"]);
        File.Delete(dir.Hosts.Path);

        var (code, stdout, stderr) = await dir.RunAsync("--once");

        Assert.True(code == 0, stderr + stdout);
        Assert.Equal("# BEGIN REDIRECTOR MANAGED BLOCK\n127.0.0.1  db.test\n" +
                     "# END REDIRECTOR MANAGED BLOCK\n", dir.Hosts.Read());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
                     | UnixFileMode.OtherRead, File.GetUnixFileMode(dir.Hosts.Path));
    }

    [Fact]
    public async Task Without_load_balancers_nothing_is_written_or_created()
    {
        using var dir = new ConfigDir();
        File.Delete(dir.Hosts.Path);

        var (code, stdout, stderr) = await dir.RunAsync("--once");

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("nothing written", stdout);
        Assert.False(File.Exists(dir.Hosts.Path));
    }

    [Fact]
    public async Task Without_load_balancers_an_existing_file_gets_no_empty_block()
    {
        using var dir = new ConfigDir();
        var before = dir.Hosts.ReadBytes();

        var (code, _, stderr) = await dir.RunAsync("--once");

        Assert.True(code == 0, stderr);
        Assert.Equal(before, dir.Hosts.ReadBytes());
    }
}
