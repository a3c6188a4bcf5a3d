using Redirector.EndToEnd.Support;
using Redirector.Shell.HostsFiles;

namespace Redirector.EndToEnd.Running;

/// <summary>The daemon's cached view of the hosts file.</summary>
public sealed class HostsTextTests
{
    [Fact]
    public void An_edit_of_a_symlinked_hosts_files_target_is_read()
    {
        using var target = new TempHostsFile("# first\n");
        using var links = new TempHostsFile("");
        var link = links.Beside("hosts-link");
        File.CreateSymbolicLink(link, target.Path);
        var hosts = new HostsText(link);
        Assert.Equal("# first\n", hosts.Read().Text);

        target.Write("# second, longer\n");

        Assert.Equal("# second, longer\n", hosts.Read().Text);
    }
}
