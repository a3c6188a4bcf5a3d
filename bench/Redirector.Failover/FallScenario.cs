namespace Redirector.Failover;

/// <summary>k. fall 3 without watches: the active backend starts refusing (its listener closes,
/// its connections are reset) and the daemon needs three failed probes in a row. After the
/// first failure the next ones come at fast_interval, so the failover is bounded by one period
/// (the wait for that first failing probe) + 3 x fast_interval + 60 ms; the bound is printed
/// beside the figures. One daemon, 3 backends, sequential, period 1 s (--period).</summary>
sealed class FallScenario(Bench bench)
{
    const int Net = 37;
    const int Port = 18111;
    const int Fall = 3;

    public void Run()
    {
        var period = bench.Options.Period;
        var backends = Loopback.Backends(Net, 3, Port, Protocol.Tcp);
        try
        {
            var lb = new LbSpec("web", backends.Select(b => b.Address).ToList(), Port, Protocol.Tcp,
                period, TimeoutSeconds: 1, Fall: Fall, Watch: false);
            using var run = bench.Start([lb], OriginalHosts.Small());
            run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(30));
            var samples = new List<double>();
            for (var i = 0; i < bench.Options.Reps * 2; i++)
            {
                Bench.Sleep(period * 1.5 + 0.2 + bench.Random.NextDouble() * period);
                var active = run.Poller.Current.AddressOf(lb.HostName);
                var victim = backends.FirstOrDefault(b => b.Address == active)
                             ?? throw run.Failed($"active address {active} is no backend");
                var t0 = Clock.Now;
                victim.Down();
                var at = run.Poller.WaitFor(
                    v => v.AddressOf(lb.HostName) is { } a && a != victim.Address &&
                         backends.Any(b => b.IsUp && b.Address == a),
                    t0, TimeSpan.FromSeconds(period * (Fall + 1) + 10))
                    ?? throw run.Failed($"no failover from {active}");
                samples.Add(Clock.Ms(t0, at));
                victim.Up();
            }
            var s = Summary.Of(samples);
            var bound = period * 1000 + Fall * lb.FastInterval * 1000 + 60;
            bench.Report.Timing(bench.Shell.Label, "k",
                $"fall 3, watch off, refused, tcp, period {period:0.##} s", s,
                Verdict.AtMost(s.Max, bound, $"max <= {bound:0} ms (period + 3 x fast_interval " +
                                             $"{lb.FastInterval * 1000:0} ms + 60 ms)"));
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }
}
