using Redirector.EndToEnd.Support;
using Redirector.Shell.ConfigLoading;
using Redirector.Shell.Native;

namespace Redirector.EndToEnd.Hardening;

/// <summary>Issue 7, item 4 (StrictModes): a main config, lb_configs folder or LB file that
/// group or others can write, or that a third user owns, is warned about, and refused with
/// <c>strict_permissions: true</c>. Modes are set explicitly on temp files, whatever the
/// umask.</summary>
[Trait("Category", "Hardening")]
public sealed class ConfigPermissionTests : IDisposable
{
    const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;

    readonly ConfigDir dir = new();

    public ConfigPermissionTests()
    {
        dir.WriteTcpLb("web", 1, ["127.0.0.1"]);
        File.SetUnixFileMode(dir.MainPath, Private);
        File.SetUnixFileMode(dir.LbFolder, PrivateFolder);
        File.SetUnixFileMode(LbFile, Private);
    }

    string LbFile => Path.Combine(dir.LbFolder, "web.yml");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Private_files_owned_by_the_running_user_raise_nothing()
    {
        foreach (var path in new[] { dir.MainPath, dir.LbFolder, LbFile })
            Assert.Empty(FilePermissions.Problems(path, strict: false));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupWrite, "0620")]
    [InlineData(UnixFileMode.OtherWrite, "0602")]
    public void A_file_writable_by_group_or_others_is_named_with_its_mode(
        UnixFileMode extra, string shown)
    {
        File.SetUnixFileMode(LbFile, Private | extra);
        var problem = Assert.Single(FilePermissions.Problems(LbFile, strict: false));
        Assert.Equal(LbFile, problem.File);
        Assert.Contains($"writable by group or others (mode {shown})", problem.Message);
    }

    [Fact]
    public async Task Check_warns_about_each_writable_path_and_still_passes()
    {
        File.SetUnixFileMode(dir.MainPath, Private | UnixFileMode.OtherWrite);
        File.SetUnixFileMode(dir.LbFolder, PrivateFolder | UnixFileMode.GroupWrite);
        File.SetUnixFileMode(LbFile, Private | UnixFileMode.GroupWrite);
        var (code, stdout, stderr) = await dir.RunAsync("--check");
        Assert.Equal(0, code);
        Assert.Contains("3 warnings", stdout);
        foreach (var path in new[] { dir.MainPath, dir.LbFolder, LbFile })
            Assert.Contains($"{path}: warning: ", stderr);
    }

    [Fact]
    public async Task Strict_permissions_refuses_a_group_writable_lb_file()
    {
        dir.WriteMain("strict_permissions: true\n");
        File.SetUnixFileMode(LbFile, Private | UnixFileMode.GroupWrite);
        var (code, _, stderr) = await dir.RunAsync("--check");
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n'), l => l.StartsWith(LbFile));
        Assert.Contains("refused (strict_permissions: true)", line);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Strict_permissions_keeps_the_daemon_from_starting_on_a_writable_folder()
    {
        dir.WriteMain("strict_permissions: true\n");
        File.SetUnixFileMode(dir.LbFolder, PrivateFolder | UnixFileMode.OtherWrite);
        var before = dir.Hosts.Read();
        var (code, _, stderr) = await dir.RunAsync();
        Assert.Equal(2, code);
        Assert.Contains($"{dir.LbFolder}: folder is writable by group or others", stderr);
        Assert.Equal(before, dir.Hosts.Read());
    }

    [RootFact]
    public void A_file_owned_by_a_third_user_is_named_with_its_owner()
    {
        File.SetUnixFileMode(LbFile, Private);
        Assert.Equal(0, Shell.Native.LibC.Chown(LbFile, 4242, 4242));
        var problem = Assert.Single(FilePermissions.Problems(LbFile, strict: true));
        Assert.Contains("owned by uid 4242, neither root nor the running user", problem.Message);
        Assert.Contains("refused", problem.Message);
    }
}
