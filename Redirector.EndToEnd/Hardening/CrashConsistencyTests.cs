using System.Diagnostics;
using Redirector.EndToEnd.Support;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Hardening;

/// <summary>The daemon, rewriting the hosts file continuously (its backends swap every few
/// ms), is SIGKILLed at random moments, 40 times by default (REDIRECTOR_CRASH_KILLS raises it:
/// a release runs 1000). Two kills in three wait until that daemon has written, so they land
/// among its writes rather than in the runtime's start. After every kill the file is exactly one
/// of the complete texts it can hold, outside bytes identical, and at most the killed
/// writer's temp file is left, which the next daemon removes. More kills only raise the odds
/// of landing in a rarer instant of a write; each kill checks the same things. (Timed from the
/// start alone, 200 kills found the daemon had written in only 8; now 40 kills find it in
/// about 15, and catch it mid-write, a temp file left, in some runs.)</summary>
[Trait("Category", "Hardening")]
[Collection(HardeningCollection.Name)]
public sealed class CrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    static readonly int Kills =
        int.TryParse(Environment.GetEnvironmentVariable("REDIRECTOR_CRASH_KILLS"), out var n)
        && n > 0 ? Math.Min(n, 10_000) : 40;

    /// <summary>A start-up and a little more per kill, even on a loaded machine.</summary>
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(60 + Kills * 2.5);
    const string Before = "# operator's hosts\r\n127.0.0.1\tlocalhost\n\n10.9.9.9 before # keep\n";
    const string After = "\t10.1.2.3\tafter.block   # trailing\n\n \u00e9\u00ff latin-1 bytes\n";

    readonly ConfigDir dir = new();

    public void Dispose() => dir.Dispose();

    static string WithEntry(string address) =>
        $"{Before}{Block.Begin}\n{address}  crash.test\n{Block.End}\n{After}";

    string[] TempFiles() => Directory.GetFiles(dir.Hosts.Folder, ".hosts.redirector-*");

    [Fact]
    public async Task Every_kill_leaves_a_complete_file_and_no_growing_temp_files()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        var complete = new[] { WithEntry("127.0.0.1"), WithEntry("127.0.0.2") };
        dir.Hosts.Write(complete[0]);
        dir.WriteLb("crash", $"""
            name: crash
            local_host: crash.test
            backend_hosts: ["127.0.0.1", "127.0.0.2"]
            strategy: sequential
            healthcheck:
              type: tcp
              period: 0.05
              config:
                port: {servers[0].Port}
                timeout: 0.5
            """);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        using var flapper = new Flapper(servers, 20, 80, seed, Budget + TimeSpan.FromMinutes(1));
        var clock = Stopwatch.StartNew();
        var (kills, afterWrites, maxTemps, previous) = (0, 0, 0, complete[0]);
        while (kills < Kills && clock.Elapsed < Budget)
        {
            using (var daemon = dir.StartDaemon())
            {
                // A third of the kills fall at a random moment of the start-up (runtime start,
                // config, sweep of leftovers, first round); the others once this daemon has
                // written, at a random moment of the flapping, where it writes every few tens
                // of ms. (Timed from the start alone, most kills of a JIT build on a loaded
                // machine land before its first write.)
                if (kills % 3 == 0)
                    await Task.Delay(random.Next(50, 800));
                else
                {
                    var started = dir.Hosts.Read();
                    await Wait.UntilAsync(() => dir.Hosts.Read() != started,
                        TimeSpan.FromSeconds(10));
                    await Task.Delay(random.Next(0, 300));
                }
                daemon.Signal("KILL");
                Assert.NotNull(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
            }
            kills++;
            var text = dir.Hosts.Read();
            Assert.True(complete.Contains(text),
                $"kill {kills} (seed {seed}) left an incomplete file:\n{text}");
            if (text != previous) afterWrites++;
            previous = text;
            var temps = TempFiles().Length;
            maxTemps = Math.Max(maxTemps, temps);
            Assert.True(temps <= 1, $"kill {kills}: {temps} temp files accumulated");
        }
        output.WriteLine($"{kills} SIGKILLs in {clock.Elapsed.TotalSeconds:0} s (seed {seed}); " +
                         $"{afterWrites} found a changed file; {flapper.Swaps} backend swaps; " +
                         $"at most {maxTemps} temp file(s) at once");
        Assert.Equal(Kills, kills);

        // A clean run after the last kill removes a leftover temp file and stops cleanly.
        using var last = dir.StartDaemon();
        Assert.True(await Wait.UntilAsync(
                () => dir.Hosts.Read() != previous && TempFiles().Length == 0,
                TimeSpan.FromSeconds(20)),
            "the daemon did not write again or left a temp file");
        last.Signal("TERM");
        Assert.Equal(0, await last.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(TempFiles());
        Assert.Contains(dir.Hosts.Read(), complete);
    }
}
