using System.Diagnostics;
using System.Text;
using LanguageExt;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Bench;

/// <summary>Parse + Apply on a 200,000-line hosts file shaped like a public ad-block list.
/// Targets (issue 2): median at most 20 ms, at most 3 times the file's size allocated.</summary>
public static class HostsBenchmark
{
    const int Lines = 200_000;
    const int WarmUps = 20;
    const int Runs = 30;

    public static void Run()
    {
        var entries = Entries();
        var list = AdBlockList(Lines, seed: 2);
        var block = BlockRenderer.Render(entries.Tail, "\n", "\n");
        var middle = list.Length / 2;
        var cut = list.IndexOf('\n', middle) + 1;
        Console.WriteLine($"hosts: Parse + Apply of {entries.Count} entries, {Lines:N0} lines, " +
            $"{WarmUps} warm-ups, {Runs} runs (file bytes = chars: read as Latin-1)");
        Measure("block in the middle", list[..cut] + block + list[cut..], entries);
        Measure("block at the end", list + block, entries);
        Measure("no block (append)", list, entries);
        var written = HostsDocument.Parse(list + block).Map(d => d.Apply(entries))
            .IfLeft(e => throw new InvalidOperationException(e.Message));
        Measure("unchanged block", written, entries);
    }

    static void Measure(string scenario, string text, Seq<HostsEntry> entries)
    {
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var allocated = new List<long>();
        var length = 0;
        for (var i = 0; i < WarmUps + Runs; i++)
        {
            // Each run starts from a collected heap: the figure is the cost of one apply,
            // not of collecting the garbage of the runs before it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadClock.NowMilliseconds();
            var clock = Stopwatch.StartNew();
            var result = HostsDocument.Parse(text).Map(d => d.Apply(entries));
            clock.Stop();
            cpu = ThreadClock.NowMilliseconds() - cpu;
            var after = GC.GetAllocatedBytesForCurrentThread();
            length = result.Match(Right: r => r.Length,
                Left: e => throw new InvalidOperationException(e.Message));
            if (i < WarmUps) continue;
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpuTimes.Add(cpu);
            allocated.Add(after - before);
        }
        times.Sort();
        cpuTimes.Sort();
        allocated.Sort();
        var bytes = allocated[Runs / 2];
        Console.WriteLine(
            $"  {scenario,-20} file {text.Length / 1e6:F2} MB -> {length / 1e6:F2} MB: " +
            $"median {times[Runs / 2]:F2} ms, min {times[0]:F2} ms, max {times[^1]:F2} ms " +
            $"(thread CPU median {cpuTimes[Runs / 2]:F2} ms); " +
            $"allocated {bytes / 1e6:F2} MB = {(double)bytes / text.Length:F2} x file size");
    }

    static Seq<HostsEntry> Entries() =>
        toSeq(new[]
        {
            ("10.0.0.12", "minio.local"), ("10.20.0.101", "elastic.local"),
            ("fd00::1:2", "db.local"), ("192.168.100.200", "cache.local"),
        }.Select(e => new HostsEntry(Valid(IpLiteral.Create(e.Item1)),
            Valid(HostName.Create(e.Item2)), Empty)));

    static T Valid<T>(Validation<string, T> value) =>
        value.Match(Succ: v => v,
            Fail: e => throw new InvalidOperationException(string.Join("; ", e)));

    /// <summary>A header, then "0.0.0.0 name" lines (~30 bytes each) with some comments,
    /// like the block lists people paste into /etc/hosts.</summary>
    static string AdBlockList(int lines, int seed)
    {
        var random = new Random(seed);
        string[] words = ["ads", "track", "pixel", "metrics", "cdn", "beacon", "promo", "stats"];
        string[] tlds = ["com", "net", "org", "io", "de", "co.uk"];
        var sb = new StringBuilder(lines * 32)
            .Append("# Title: generated ad-block list\n# Entries: 200,000\n\n")
            .Append("127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n");
        for (var i = 5; i < lines; i++)
        {
            if (i % 1000 == 0) { sb.Append("# section ").Append(i / 1000).Append('\n'); continue; }
            sb.Append("0.0.0.0 ").Append(words[random.Next(words.Length)])
              .Append(random.Next(100_000)).Append('.').Append(words[random.Next(words.Length)])
              .Append("-x.").Append(tlds[random.Next(tlds.Length)]).Append('\n');
        }
        return sb.ToString();
    }
}
