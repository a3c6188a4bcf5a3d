using System.Diagnostics;
using System.Text.Json;
using LanguageExt;
using Redirector.Domain.Decision;
using Redirector.Shell.Observing;
using Serilog;

// Redirector.Shell runs on Linux only; so does measuring it.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Redirector.Bench;

/// <summary>What observing costs the daemon: Observer.Record after each step (metrics and
/// the status tracker, no HTTP server) on StepBenchmark's 2,000 LBs x 5 backends, one result
/// per step; then building and serializing one status snapshot of all of them, which the
/// status file pays at most four times a second. The core's own step time is not counted.</summary>
public static class ObserveBenchmark
{
    public static void Run()
    {
        var folder = Directory.CreateTempSubdirectory("redirector-bench-").FullName;
        try
        {
            var config = StepBenchmark.Config();
            var main = config.Main with { StatusFile = Path.Combine(folder, "status.json") };
            using var log = new LoggerConfiguration().CreateLogger();
            using var observer = Observer.Start(main, log);
            var text = "127.0.0.1 localhost\n";
            var state = StepBenchmark.Start(config, text);
            var first = StepBenchmark.FirstRound();
            (state, text) = StepBenchmark.Apply(state, first, text);
            observer.Record(new Input.ProbesObserved(0, first), Seq<Effect>.Empty, state);
            var script = StepBenchmark.Script(new System.Random(42), failEvery: 20);
            Measure(observer, state, text, script.Take(20_000).ToArray(), print: false);
            Measure(observer, state, text, script, print: true);
            Snapshot(state);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static void Measure(Observer observer, State state, string text, Observation[] script,
        bool print)
    {
        var clock = new Stopwatch();
        foreach (var o in script)
        {
            var input = new Input.ProbesObserved(0, Prelude.Seq1(o));
            var (next, effects, written) = StepBenchmark.Step(state, input, text);
            (state, text) = (next, written);
            clock.Start();
            observer.Record(input, effects, state);
            clock.Stop();
        }
        if (print)
            Console.WriteLine($"observe, {StepBenchmark.Lbs} LBs x {StepBenchmark.Backends} " +
                              $"backends, 1 result per step: Observer.Record " +
                              $"{clock.Elapsed.TotalMicroseconds / script.Length:N1} us/result " +
                              $"({script.Length:N0} results in {clock.ElapsedMilliseconds:N0} ms)");
    }

    static void Snapshot(State state)
    {
        var tracker = new StatusTracker(1, DateTimeOffset.UtcNow);
        var times = new List<double>();
        var size = 0;
        for (var i = 0; i < 30; i++)
        {
            var clock = Stopwatch.StartNew();
            var json = JsonSerializer.Serialize(tracker.Snapshot(state, "/etc/hosts",
                DateTimeOffset.UtcNow), StatusJson.Default.StatusSnapshot);
            clock.Stop();
            (size, _) = (json.Length, 0);
            if (i >= 5) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"observe, status snapshot of {StepBenchmark.Lbs} LBs: build + " +
                          $"serialize median {times[times.Count / 2]:N2} ms, " +
                          $"max {times[^1]:N2} ms, {size / 1024.0:N0} KiB of JSON");
    }
}
