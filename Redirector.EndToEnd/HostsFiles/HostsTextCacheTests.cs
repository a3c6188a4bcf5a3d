using Redirector.EndToEnd.Support;
using Redirector.Shell.HostsFiles;

namespace Redirector.EndToEnd.HostsFiles;

/// <summary>The daemon re-reads the hosts file only when it changed; a rewrite of the same
/// length within one timestamp tick (the kernel's clock for file times is coarse) is a change
/// too.</summary>
public sealed class HostsTextCacheTests : IDisposable
{
    readonly TempHostsFile hosts = new("10.0.0.1 a\n");

    public void Dispose() => hosts.Dispose();

    [Fact]
    public void A_same_length_rewrite_with_the_same_modification_time_is_read()
    {
        var text = new HostsText(hosts.Path);
        Assert.Equal("10.0.0.1 a\n", text.Read().Text);
        var modified = File.GetLastWriteTimeUtc(hosts.Path);

        hosts.Write("10.0.0.2 b\n");
        File.SetLastWriteTimeUtc(hosts.Path, modified);

        Assert.Equal("10.0.0.2 b\n", text.Read().Text);
    }

    [Fact]
    public void A_file_replaced_by_rename_with_the_same_length_and_time_is_read()
    {
        var text = new HostsText(hosts.Path);
        Assert.Equal("10.0.0.1 a\n", text.Read().Text);
        var modified = File.GetLastWriteTimeUtc(hosts.Path);
        var other = hosts.Beside("other");
        File.WriteAllText(other, "10.0.0.3 c\n");
        File.SetLastWriteTimeUtc(other, modified);

        File.Move(other, hosts.Path, overwrite: true);

        Assert.Equal("10.0.0.3 c\n", text.Read().Text);
    }

    [Fact]
    public void A_missing_file_in_an_existing_folder_reads_as_empty()
    {
        File.Delete(hosts.Path);
        var (read, error) = new HostsText(hosts.Path).Read();
        Assert.Equal("", read);
        Assert.Equal("", error);
    }
}
