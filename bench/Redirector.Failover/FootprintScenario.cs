namespace Redirector.Failover;

/// <summary>f. 50 LBs x 5 live TCP backends, period 1 s: CPU per probe, peak RSS and threads
/// over a window (60 s; 10 s quick) after a warm-up. Probes are counted at the backends. Run
/// twice: with watches (one idle connection held per backend, the default) and without
/// (<c>watch: false</c>), each on a fresh daemon.</summary>
sealed class FootprintScenario(Bench bench)
{
    const int Net = 26;
    const int Port = 18106;
    const int Lbs = 50;
    const int PerLb = 5;

    public void Run()
    {
        foreach (var watch in bench.Options.FootprintWatch) Measure(watch);
    }

    void Measure(bool watch)
    {
        var backends = Loopback.Backends(Net, Lbs * PerLb, Port, Protocol.Tcp);
        try
        {
            var lbs = Enumerable.Range(0, Lbs).Select(i => new LbSpec($"svc{i:000}",
                backends.Skip(i * PerLb).Take(PerLb).Select(b => b.Address).ToList(), Port,
                Protocol.Tcp, Watch: watch)).ToList();
            using var run = bench.Start(lbs, OriginalHosts.Small());
            var first = run.WaitForFirstWrite(lbs, TimeSpan.FromSeconds(60));
            Bench.Sleep(bench.Options.WarmupSeconds);
            foreach (var b in backends) b.Recording = true;
            var footprint = Footprint.Measure(run, backends, bench.Options.FootprintSeconds);
            foreach (var b in backends) b.Recording = false;
            var held = backends.Sum(b => b.Held);
            var s = Schedule.Of(backends.Select(b => b.Accepts), 1);
            var label = bench.Shell.Label;
            var f = $"f, watch {(watch ? "on" : "off")}";
            bench.Report.Add(new Row(label, f, "probes on schedule (<= 10 % late)",
                $"{s.Share * 100:0.00} % of {s.Probes} (lateness p50 {s.P50Ms:0.0} ms, p99 " +
                $"{s.P99Ms:0.0} ms; {s.IntervalShare * 100:0.0} % of gaps within 10 %)",
                Verdict.None));
            bench.Report.Add(new Row(label, f, "footprint 50x5", footprint.Describe(backends.Count, 1),
                Verdict.None));
            bench.Report.Add(new Row(label, f, "connections held at the end (watches)",
                $"{held} for {backends.Count} backends", Verdict.None));
            bench.Report.Add(new Row(label, f, "CPU per probe", $"{footprint.CpuMsPerProbe:0.000} ms",
                Verdict.AotAtMost(bench.Shell, footprint.CpuMsPerProbe, 0.08, "<= 0.08 ms")));
            bench.Report.Add(new Row(label, f, "peak RSS (VmHWM)",
                $"{footprint.HwmKiB / 1024.0:0.0} MiB",
                Verdict.AotAtMost(bench.Shell, footprint.HwmKiB / 1024.0, 30, "<= 30 MiB")));
            bench.Report.Add(new Row(label, f, "threads (max sampled)", $"{footprint.MaxThreads}",
                Verdict.AotAtMost(bench.Shell, footprint.MaxThreads, 8, "<= 8")));
            bench.Report.Add(new Row(label, f, "start -> first write, 50 LBs",
                $"{Report.F(first)} ms", Verdict.None));
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }
}
