using Redirector.Domain.Config;
using Redirector.Shell.Observing;

namespace Redirector.EndToEnd.Observability;

/// <summary>Where the status file goes, for the daemon and for <c>status</c> alike.</summary>
public sealed class StatusLocationTests
{
    const string Default = MainConfig.DefaultStatusFile;
    const string Runtime = "/run/user/1000";

    [Fact]
    public void Root_keeps_the_default_folder() =>
        Assert.Equal(Default, StatusLocation.Choose(Default, true, Runtime, false));

    [Fact]
    public void Without_root_the_default_moves_to_the_runtime_folder() =>
        Assert.Equal("/run/user/1000/redirector/status.json",
            StatusLocation.Choose(Default, false, Runtime, false));

    [Fact]
    public void Without_root_a_default_folder_it_may_write_in_is_kept() =>
        // systemd's RuntimeDirectory= for a User=: /run/redirector exists and is its own.
        Assert.Equal(Default, StatusLocation.Choose(Default, false, Runtime, true));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/dir")]
    public void Without_a_usable_runtime_folder_the_default_stays(string? runtime) =>
        Assert.Equal(Default, StatusLocation.Choose(Default, false, runtime, false));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_status_file_set_elsewhere_is_used_as_it_is(bool root) =>
        Assert.Equal("/var/tmp/mine.json",
            StatusLocation.Choose("/var/tmp/mine.json", root, Runtime, false));

    [Fact]
    public void A_missing_folder_is_made_0755()
    {
        var top = Directory.CreateTempSubdirectory("redirector-status-").FullName;
        try
        {
            var folder = Path.Combine(top, "a", "redirector");
            Assert.Null(StatusLocation.MakeFolder(Path.Combine(folder, "status.json")));
            Assert.Equal((UnixFileMode)Convert.ToInt32("755", 8), File.GetUnixFileMode(folder));
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }
}
