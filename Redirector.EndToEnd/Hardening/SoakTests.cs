using System.Diagnostics;
using System.Text;
using Redirector.EndToEnd.Support;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Hardening;

/// <summary>500 backends (250 LBs of two) flapping at random for a bounded time. Resident
/// memory after warm-up grows less than 10 %, every version of the file the test sees is
/// well-formed, and the daemon writes no more often than entries change.
/// REDIRECTOR_SOAK_SECONDS lengthens the run (default 60 s; a release runs 600 s, where a slow
/// leak would show). The warm-up is a third of the run but at least 30 s (at most half): the
/// heap of 500 probe loops settles in 20-30 s, and a baseline taken earlier reads as growth. It runs beside the other classes, not in the
/// serial hardening collection: nothing it asserts is timed, its backends have addresses of
/// their own (127.1.x.y), and its daemon's 500 probes a second cost a tenth of a core.</summary>
[Trait("Category", "Hardening")]
public sealed class SoakTests(ITestOutputHelper output) : IDisposable
{
    const int Lbs = 250;
    const string Outside = "# operator\r\n127.0.0.1\tlocalhost\n";

    readonly ConfigDir dir = new("log_level: DEBUG\n", Outside);

    public void Dispose() => dir.Dispose();

    static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable(
            "REDIRECTOR_SOAK_SECONDS"), out var s) && s > 0 ? Math.Min(s, 3600) : 60);

    static TimeSpan Warmup => TimeSpan.FromTicks(Math.Max(Duration.Ticks / 3,
        Math.Min(Duration.Ticks / 2, TimeSpan.FromSeconds(30).Ticks)));

    static string Address(int i) => $"127.1.{i / 200}.{i % 200 + 1}";

    [Fact]
    public async Task Five_hundred_flapping_backends_keep_memory_flat_and_writes_minimal()
    {
        var servers = LoopbackTcpServer.StartMany(
            Enumerable.Range(0, 2 * Lbs).Select(Address).ToArray());
        try
        {
            await SoakAsync(servers);
        }
        finally
        {
            foreach (var server in servers) server.Dispose();
        }
    }

    async Task SoakAsync(IReadOnlyList<LoopbackTcpServer> servers)
    {
        for (var lb = 0; lb < Lbs; lb++)
            dir.WriteTcpLb($"lb{lb:000}", servers[0].Port,
                [Address(2 * lb), Address(2 * lb + 1)], period: 1);
        var malformed = new List<string>();
        var seen = 0;
        using var watcher = new FileSystemWatcher(dir.Hosts.Folder, "hosts");
        watcher.Changed += (_, _) => Check();
        watcher.Renamed += (_, _) => Check();
        watcher.EnableRaisingEvents = true;
        using var daemon = dir.StartDaemon();
        var random = new Random(Environment.TickCount);
        var clock = Stopwatch.StartNew();
        var (warm, rss, toggles) = (Warmup, new List<(TimeSpan At, long Kb)>(), 0);
        while (clock.Elapsed < Duration && !daemon.HasExited)
        {
            // About 10 backends change state every 200 ms.
            for (var i = 0; i < 10; i++)
            {
                var server = servers[random.Next(servers.Count)];
                if (server.Running) server.Stop();
                else server.Start();
                toggles++;
            }
            if (rss.Count == 0 || clock.Elapsed - rss[^1].At >= TimeSpan.FromSeconds(1))
                rss.Add((clock.Elapsed, Rss(daemon.Pid)));
            await Task.Delay(200);
        }
        Assert.False(daemon.HasExited, daemon.Stderr);
        daemon.Signal("TERM");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        watcher.EnableRaisingEvents = false;
        Check();

        var log = daemon.Stdout.Split('\n');
        var writes = log.Count(l => l.Contains(" written"));
        // An entry changes on a move ("a -> b"), a first or recovering choice ("b chosen"), a
        // new address ("now at") and a removal.
        var changes = log.Count(l => l.Contains(" -> ") || l.Contains(" chosen ")
                                     || l.Contains(" now at ") || l.Contains("entry removed"));
        var baseline = Median(rss.Where(s => s.At <= warm).TakeLast(10));
        var end = Median(rss.TakeLast(10));
        var growth = (double)(end - baseline) / baseline;
        output.WriteLine($"{Duration.TotalSeconds:0} s, {2 * Lbs} backends, {toggles} toggles; " +
                         $"{writes} writes for {changes} entry changes; {seen} versions checked; " +
                         $"RSS {baseline / 1024} MB after warm-up, {end / 1024} MB at the end " +
                         $"({growth:+0.0%;-0.0%})");
        Assert.True(malformed.Count == 0,
            string.Join("\n----\n", malformed.Select(m => m[..Math.Min(m.Length, 600)])));
        Assert.True(writes > 1 && changes > Lbs, $"too little happened: {writes}, {changes}");
        Assert.True(writes <= changes, $"{writes} writes for {changes} entry changes");
        Assert.True(growth < 0.10, $"RSS grew {growth:P1}: {baseline} kB -> {end} kB");

        void Check()
        {
            string text;
            try
            {
                text = Encoding.Latin1.GetString(File.ReadAllBytes(dir.Hosts.Path));
            }
            catch (IOException)
            {
                return;
            }
            lock (malformed)
            {
                seen++;
                if (!WellFormed(text) && malformed.Count < 5) malformed.Add(text);
            }
        }
    }

    /// <summary>Before the first write: the operator's text; after: it plus one block of at
    /// most one entry per LB, each an address and one name.</summary>
    static bool WellFormed(string text)
    {
        if (text == Outside) return true;
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var entries = Block.Lines(text);
        return Block.Outside(text) == Outside && entries.Count <= Lbs
               && lines.Count(l => l == Block.Begin) == 1 && lines.Count(l => l == Block.End) == 1
               && entries.All(e => Fields(e) is [var address, var name]
                                   && address.StartsWith("127.1.") && name.EndsWith(".test"))
               && entries.Select(e => Fields(e)[1]).Distinct().Count() == entries.Count;
    }

    static string[] Fields(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    static long Median(IEnumerable<(TimeSpan At, long Kb)> samples)
    {
        var sorted = samples.Select(s => s.Kb).Order().ToArray();
        return sorted.Length == 0 ? 1 : sorted[sorted.Length / 2];
    }

    static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status")
                .FirstOrDefault(l => l.StartsWith("VmRSS:"));
            return line is null ? 0 : long.Parse(Fields(line)[1]);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
