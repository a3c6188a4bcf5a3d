using System.Text;
using Redirector.EndToEnd.Support;
using Redirector.Shell.HostsFiles;

namespace Redirector.EndToEnd.HostsFiles;

/// <summary>A bind-mounted hosts file (rename impossible: written in place) on a full disk.
/// Whatever the write's outcome, every byte outside the block is what it was, and a failure
/// is reported as one. The file lives on a tiny tmpfs in a private mount namespace.</summary>
public sealed class FullDiskInPlaceTests : IDisposable
{
    const string After = "10.9.9.9 user-line-after-block\n";

    readonly TempHostsFile hosts = new();
    readonly string small;

    public FullDiskInPlaceTests()
    {
        small = hosts.Beside("small");
        Directory.CreateDirectory(small);
        File.WriteAllText(hosts.Path, "");
    }

    public void Dispose() => hosts.Dispose();

    /// <summary>A text of about one 4 KiB page: comments, a block of <paramref name="lines"/>
    /// entries, and a user line after it.</summary>
    static string Text(int lines)
    {
        var entries = string.Concat(Enumerable.Range(0, lines)
            .Select(i => $"10.0.0.{i % 250 + 1}  lb{i:D3}.test\n"));
        var before = "127.0.0.1 localhost\n" + new string('#', 3000) + "\n";
        return $"{before}# BEGIN REDIRECTOR MANAGED BLOCK\n{entries}# END REDIRECTOR MANAGED BLOCK\n{After}";
    }

    /// <summary>Writes <paramref name="next"/> over <paramref name="current"/> with the disk
    /// full; returns the outcome and the file's bytes afterwards.</summary>
    (WriteOutcome Outcome, string After) WriteOnFullDisk(string current, string next)
    {
        var source = Path.Combine(small, "hosts");
        return PrivateMount.Run([new PrivateMount.Tmpfs(small, "size=8k")],
            [], () =>
            {
                File.WriteAllBytes(source, Encoding.Latin1.GetBytes(current));
                Fill(Path.Combine(small, "filler"));
                var outcome = PrivateMount.Run([new PrivateMount.Bind(source, hosts.Path)],
                    () => HostsFile.Write(hosts.Path, next));
                return (outcome, Encoding.Latin1.GetString(File.ReadAllBytes(source)));
            });
    }

    static void Fill(string path)
    {
        // Unbuffered: a failed write must not come back from a flush on dispose.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write,
            FileShare.None, bufferSize: 0);
        var chunk = new byte[512];
        for (var i = 0; i < 64; i++)
        {
            try
            {
                stream.Write(chunk);
            }
            catch (IOException)
            {
                return;
            }
        }
        throw new InvalidOperationException("the tmpfs did not fill up");
    }

    [RootFact]
    public void A_bigger_block_that_does_not_fit_leaves_the_file_as_it_was()
    {
        var current = Text(20);
        var next = Text(50);
        Assert.True(current.Length < 4096 && next.Length > 4096, "one page before, two after");

        var (outcome, after) = WriteOnFullDisk(current, next);

        Assert.False(outcome.Succeeded, $"reported {outcome}");
        Assert.Equal(current, after);
    }

    [RootFact]
    public void A_smaller_block_is_written_in_place_on_a_full_disk()
    {
        var current = Text(20) + new string('#', 4000 - Text(20).Length - 1) + "\n";
        var next = current.Replace("10.0.0.1  lb000.test\n", "");

        var (outcome, after) = WriteOnFullDisk(current, next);

        Assert.IsType<WriteOutcome.InPlace>(outcome);
        Assert.Equal(next, after);
    }
}
