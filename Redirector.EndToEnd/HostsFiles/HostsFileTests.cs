using System.Text;
using Redirector.EndToEnd.Support;
using Redirector.Shell.HostsFiles;
using Redirector.Shell.Native;

namespace Redirector.EndToEnd.HostsFiles;

public sealed class HostsFileTests : IDisposable
{
    readonly TempHostsFile hosts = new();

    public void Dispose() => hosts.Dispose();

    static string AllBytes() =>
        Encoding.Latin1.GetString(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray());

    string[] Leftovers() =>
        Directory.GetFiles(hosts.Folder).Where(f => f.EndsWith(".tmp")).ToArray();

    [Fact]
    public void Every_byte_round_trips_through_read_and_write()
    {
        const string bom = "\u00EF\u00BB\u00BF";
        var text = bom + "# BOM, CRLF and no final newline\r\n" + AllBytes() + "\t127.0.0.1 x";
        hosts.Write(text);

        var read = HostsFile.Read(hosts.Path);
        var outcome = HostsFile.Write(hosts.Path, read + "\n# more\n");

        Assert.Equal(text, read);
        Assert.IsType<WriteOutcome.Atomic>(outcome);
        Assert.Equal(Encoding.Latin1.GetBytes(text + "\n# more\n"), hosts.ReadBytes());
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_write_replaces_the_file_by_rename_and_keeps_its_mode()
    {
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(hosts.Path, mode);
        var before = new FileInfo(hosts.Path);
        var inode = Inode(hosts.Path);

        var outcome = HostsFile.Write(hosts.Path, "10.0.0.1 a\n");

        Assert.IsType<WriteOutcome.Atomic>(outcome);
        Assert.Equal(mode, File.GetUnixFileMode(hosts.Path));
        Assert.NotEqual(inode, Inode(hosts.Path));
        Assert.Equal("10.0.0.1 a\n", hosts.Read());
        Assert.True(before.Exists);
    }

    [RootFact]
    public void A_write_keeps_the_owner_of_the_file()
    {
        Assert.Equal(0, LibC.Chown(hosts.Path, 1234, 4321));

        var outcome = HostsFile.Write(hosts.Path, "10.0.0.2 b\n");

        Assert.IsType<WriteOutcome.Atomic>(outcome);
        Assert.Equal((1234u, 4321u, 0), LibC.Owner(hosts.Path));
    }

    [Fact]
    public void A_symlinked_hosts_file_is_written_where_it_points_and_stays_a_link()
    {
        var link = hosts.Beside("hosts-link");
        File.CreateSymbolicLink(link, hosts.Path);

        var outcome = HostsFile.Write(link, "10.0.0.3 c\n");

        Assert.IsType<WriteOutcome.Atomic>(outcome);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("10.0.0.3 c\n", hosts.Read());
    }

    [Fact]
    public void A_missing_file_is_created_readable_by_all_and_nothing_is_left_behind()
    {
        var missing = hosts.Beside("no-such-hosts");

        var outcome = HostsFile.Write(missing, "x\n", expected: "");

        Assert.True(outcome is WriteOutcome.Atomic, outcome.ToString());
        Assert.Equal("x\n", File.ReadAllText(missing));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
                     | UnixFileMode.OtherRead, File.GetUnixFileMode(missing));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_file_created_meanwhile_is_not_overwritten_by_a_text_computed_without_it()
    {
        var missing = hosts.Beside("appeared");
        File.WriteAllText(missing, "127.0.0.1 mine\n");

        var outcome = HostsFile.Write(missing, "x\n", expected: "");

        Assert.IsType<WriteOutcome.Superseded>(outcome);
        Assert.Equal("127.0.0.1 mine\n", File.ReadAllText(missing));
    }

    [Fact]
    public void A_missing_folder_fails_with_a_reason()
    {
        var outcome = HostsFile.Write(hosts.Beside("no-such-folder/hosts"), "x\n");

        Assert.IsType<WriteOutcome.Failed>(outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\0path")]
    public void A_malformed_path_is_a_failed_outcome_not_an_exception(string path) =>
        Assert.IsType<WriteOutcome.Failed>(HostsFile.Write(path, "x\n"));

    [Fact]
    public void TryRead_gives_a_reason_instead_of_throwing()
    {
        var missing = hosts.Beside("absent");

        var read = HostsFile.TryRead(missing);
        var present = HostsFile.TryRead(hosts.Path);

        Assert.StartsWith($"cannot read {missing}: ", read.Match(_ => "", l => l));
        Assert.Equal(TempHostsFile.Sample, present.Match(r => r, _ => ""));
    }

    [RootFact]
    public void A_bind_mounted_file_is_written_in_place_verified_and_no_temp_is_left()
    {
        var source = hosts.Beside("hosts-source");
        File.WriteAllText(source, "127.0.0.1 localhost\n");

        var outcome = PrivateMount.Run(source, hosts.Path,
            () => HostsFile.Write(hosts.Path, "127.0.0.1 localhost\n10.9.9.9 bound\n"));

        var inPlace = Assert.IsType<WriteOutcome.InPlace>(outcome);
        Assert.Contains("EBUSY", inPlace.Why);
        Assert.Equal("127.0.0.1 localhost\n10.9.9.9 bound\n", File.ReadAllText(source));
        Assert.Equal(TempHostsFile.Sample, hosts.Read());
        Assert.Empty(Leftovers());
    }

    [RootFact]
    public void A_shorter_in_place_write_truncates_the_rest()
    {
        var source = hosts.Beside("hosts-source");
        File.WriteAllText(source, new string('#', 5000) + "\n");

        var outcome = PrivateMount.Run(source, hosts.Path,
            () => HostsFile.Write(hosts.Path, "short\n"));

        Assert.IsType<WriteOutcome.InPlace>(outcome);
        Assert.Equal("short\n", File.ReadAllText(source));
    }

    [RootFact]
    public void A_writable_file_in_a_read_only_folder_is_written_in_place()
    {
        using var elsewhere = new TempHostsFile("127.0.0.1 localhost\n");
        PrivateMount.Bind[] binds =
        [
            new(hosts.Folder, hosts.Folder, ReadOnly: true),
            new(elsewhere.Path, hosts.Path),
        ];

        var outcome = PrivateMount.Run(binds, () => HostsFile.Write(hosts.Path, "10.7.7.7 ro\n"));

        var inPlace = Assert.IsType<WriteOutcome.InPlace>(outcome);
        Assert.Contains("cannot create a temp file", inPlace.Why);
        Assert.Equal("10.7.7.7 ro\n", elsewhere.Read());
        Assert.Empty(Leftovers());
    }

    [RootFact]
    public void The_mount_stays_private_to_the_thread_that_made_it()
    {
        var source = hosts.Beside("hosts-source");
        File.WriteAllText(source, "seen through the mount\n");

        var inside = PrivateMount.Run(source, hosts.Path, () => File.ReadAllText(hosts.Path));

        Assert.Equal("seen through the mount\n", inside);
        Assert.Equal(TempHostsFile.Sample, hosts.Read());
        Assert.DoesNotContain(hosts.Path, File.ReadAllText("/proc/self/mountinfo"));
    }

    /// <summary>stat(1), not a P/Invoke: the test should not share the code it checks.</summary>
    static string Inode(string path)
    {
        using var stat = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path])
            {
                RedirectStandardOutput = true,
            })!;
        var inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit(5000);
        return inode;
    }
}
