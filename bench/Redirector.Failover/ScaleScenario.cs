namespace Redirector.Failover;

/// <summary>g. 2,000 LBs x 5 live TCP backends (10,000 backends), period 1 s. Each backend has
/// its own loopback address (127.27.x.y, one port), so every arrival belongs to one backend and
/// its punctuality can be judged (<see cref="Schedule"/>). Needs ~10,100 file descriptors.</summary>
sealed class ScaleScenario(Bench bench)
{
    const int Net = 27;
    const int Port = 18107;
    const int Lbs = 2000;
    const int PerLb = 5;

    public void Run()
    {
        var backends = Loopback.Backends(Net, Lbs * PerLb, Port, Protocol.Tcp);
        try
        {
            var lbs = Enumerable.Range(0, Lbs).Select(i => new LbSpec($"svc{i:0000}",
                backends.Skip(i * PerLb).Take(PerLb).Select(b => b.Address).ToList(), Port,
                // Without watches: the benchmark holds both ends of every loopback connection,
                // and 10,000 listeners + 10,000 held watches + probes exceed its 20,000 files.
                Protocol.Tcp, Watch: false)).ToList();
            using var run = bench.Start(lbs, OriginalHosts.Small(), TimeSpan.FromMilliseconds(5));
            var first = run.WaitForFirstWrite(lbs, TimeSpan.FromSeconds(180));
            Bench.Sleep(bench.Options.WarmupSeconds);
            foreach (var b in backends)
            {
                b.ClearAccepts();
                b.Recording = true;
            }
            var f = Footprint.Measure(run, backends, bench.Options.ScaleSeconds);
            foreach (var b in backends) b.Recording = false;
            var s = Schedule.Of(backends.Select(b => b.Accepts), 1);
            // A probe that never came was not on schedule either.
            var expected = Math.Max(s.Probes, (long)(backends.Count * f.Seconds));
            var share = s.Probes == 0 ? double.NaN : 100.0 * s.OnSchedule / expected;
            var label = bench.Shell.Label;
            bench.Report.Add(new Row(label, "g", "footprint 2000x5", f.Describe(backends.Count, 1),
                Verdict.None));
            bench.Report.Add(new Row(label, "g", "probes on schedule (<= 10 % late)",
                $"{share:0.00} % of {expected} due ({s.Share * 100:0.00} % of {s.Probes} seen; " +
                $"lateness p50 {s.P50Ms:0.0} ms, p99 {s.P99Ms:0.0} ms, max {s.MaxMs:0} ms; " +
                $"{s.IntervalShare * 100:0.0} % of gaps within 10 % of the period)",
                Verdict.AtLeast(share, 99, ">= 99 %")));
            var lags = backends.SelectMany(b => b.AcceptLags).Order().ToArray();
            if (lags.Length > 0)
                bench.Report.Note($"{label} g: the benchmark accepted connections " +
                                  $"{lags[lags.Length / 2]} ms (p50) / {lags[lags.Length * 99 / 100]} ms " +
                                  "(p99) after they arrived; arrival times come from TCP_INFO");
            bench.Report.Add(new Row(label, "g", "CPU", $"{f.CpuShare * 100:0.0} % of one core",
                Verdict.AotAtMost(bench.Shell, f.CpuShare * 100, 50, "<= 50 %")));
            bench.Report.Add(new Row(label, "g", "peak RSS (VmHWM)", $"{f.HwmKiB / 1024.0:0.0} MiB",
                Verdict.AotAtMost(bench.Shell, f.HwmKiB / 1024.0, 150, "<= 150 MiB")));
            bench.Report.Add(new Row(label, "g", "start -> first write, 2000 LBs",
                $"{Report.F(first)} ms", Verdict.None));
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }
}
