using Redirector.EndToEnd.Support;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Hardening;

/// <summary>Issue 7, item 3: another process rewrites the hosts file in a loop (appending a
/// line each time, and every tenth time regenerating it without the block, as some tools do)
/// while the daemon rewrites it for flapping backends. Both take the folder lock the daemon
/// documents, so no complete write of either side is lost: every line of the other writer is
/// there in order, the operator's lines are intact, and the block ends up correct.</summary>
[Trait("Category", "Hardening")]
[Collection(HardeningCollection.Name)]
public sealed class ConcurrentWriterTests(ITestOutputHelper output) : IDisposable
{
    const int Rewrites = 150;
    const string Outside = "# operator\n127.0.0.1\tlocalhost\n";

    // One rewrite of the other program: read, maybe drop the block, append, rename over.
    const string Writer = """
        f="$1"; d="$2"; n="$3"; i=1
        while [ "$i" -le "$n" ]; do
          flock "$d" sh -c '
            f="$1"; i="$2"
            if [ $((i % 10)) -eq 0 ]; then
              sed "/^# BEGIN REDIRECTOR MANAGED BLOCK$/,/^# END REDIRECTOR MANAGED BLOCK$/d" \
                "$f" > "$f.other"
            else
              cat "$f" > "$f.other"
            fi
            echo "# other writer line $i" >> "$f.other"
            mv "$f.other" "$f"' sh "$f" "$i"
          i=$((i + 1))
          sleep 0.01
        done
        """;

    readonly ConfigDir dir = new(hostsText: Outside);

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task No_complete_write_of_either_side_is_lost()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        dir.WriteTcpLb("cw", servers[0].Port, ["127.0.0.1", "127.0.0.2"], period: 0.05);
        using var flapper = new Flapper(servers, 30, 120, Environment.TickCount,
            TimeSpan.FromMinutes(2));
        using var daemon = dir.StartDaemon();
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("first decisions made"),
            TimeSpan.FromSeconds(30)), daemon.Stdout + daemon.Stderr);

        using (var writer = new ChildProcess("sh",
                   ["-c", Writer, "sh", dir.Hosts.Path, dir.Hosts.Folder, $"{Rewrites}"]))
        {
            var samples = 0;
            while (!writer.HasExited && samples < 10_000)
            {
                AssertWellFormed(dir.Hosts.Read());
                samples++;
                await Task.Delay(5);
            }
            Assert.Equal(0, await writer.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            output.WriteLine($"{samples} samples well-formed during {Rewrites} rewrites, " +
                             $"{flapper.Swaps} backend swaps");
        }
        var up = flapper.Halt() == 0 ? "127.0.0.1" : "127.0.0.2";
        Assert.True(await dir.WaitForEntryAsync("cw.test", up, 15), dir.Hosts.Read());

        var text = dir.Hosts.Read();
        AssertWellFormed(text);
        var outside = Block.Outside(text);
        Assert.StartsWith(Outside, outside);
        var lines = outside.Split('\n').Where(l => l.StartsWith("# other writer")).ToArray();
        Assert.Equal(Enumerable.Range(1, Rewrites).Select(i => $"# other writer line {i}"), lines);
        daemon.Signal("TERM");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(Directory.GetFiles(dir.Hosts.Folder, ".hosts.redirector-*"));
    }

    /// <summary>No block (just dropped by the other side), or exactly one with one entry.</summary>
    static void AssertWellFormed(string text)
    {
        var begins = text.Split('\n').Count(l => l == Block.Begin);
        var ends = text.Split('\n').Count(l => l == Block.End);
        Assert.True(begins == ends && begins <= 1, text);
        if (begins == 1) Assert.Single(Block.Lines(text));
    }
}
