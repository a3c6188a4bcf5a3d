using System.Diagnostics;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Observing;

namespace Redirector.EndToEnd.Logging;

public sealed class JournalStreamTests : IDisposable
{
    readonly TempHostsFile folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>What systemd would put in JOURNAL_STREAM for this file, per stat(1).</summary>
    static string DeviceAndInode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-L", "-c", "%d:%i", path])
        {
            RedirectStandardOutput = true,
        })!;
        var text = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit(5000);
        return text;
    }

    [Fact]
    public void The_stream_systemd_named_is_recognised_and_another_is_not()
    {
        var stream = folder.Beside("journal-stand-in");
        File.WriteAllText(stream, "");
        var identity = DeviceAndInode(stream);

        Assert.True(JournalStream.Matches(identity, stream), identity);
        Assert.False(JournalStream.Matches(identity, folder.Path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("a:b")]
    [InlineData("1:2:3")]
    public void Absent_or_malformed_values_mean_no_journal(string? value) =>
        Assert.False(JournalStream.Matches(value, "/proc/self/fd/1"));
}
