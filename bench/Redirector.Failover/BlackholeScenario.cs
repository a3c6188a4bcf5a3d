namespace Redirector.Failover;

/// <summary>d. As b, but the active backend is blackholed (connects hang) and the TCP check's
/// timeout is 2 s. Also checks, before the run, that a connect to a blackhole really hangs.</summary>
sealed class BlackholeScenario(Bench bench)
{
    const int Net = 24;
    const int Port = 18104;
    const double Period = 1;
    const double Timeout = 2;

    public void Run()
    {
        var backends = Loopback.Backends(Net, 3, Port, Protocol.Tcp);
        try
        {
            var lb = new LbSpec("web", backends.Select(b => b.Address).ToList(), Port, Protocol.Tcp,
                Period, Timeout);
            using var run = bench.Start([lb], OriginalHosts.Small());
            run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(30));
            foreach (var b in backends) b.Recording = true;
            var samples = new List<double>();
            var reactions = new List<double>();
            var verified = 0;
            for (var i = 0; i < bench.Options.Reps; i++)
            {
                Bench.Sleep(Timeout + 0.7 + bench.Random.NextDouble() * Period);
                var active = run.Poller.Current.AddressOf(lb.HostName);
                var victim = backends.FirstOrDefault(b => b.Address == active)
                             ?? throw run.Failed($"active address {active} is no backend");
                var t0 = Clock.Now;
                if (victim.Blackhole().Verified) verified++;
                var at = run.Poller.WaitFor(
                    v => v.AddressOf(lb.HostName) is { } a && a != victim.Address,
                    t0, TimeSpan.FromSeconds(15)) ?? throw run.Failed($"no failover from {active}");
                samples.Add(Clock.Ms(t0, at));
                if (ProbeGrid.NextDue(victim.Accepts, t0, Period) is { } due)
                    reactions.Add(Clock.Ms(due, at) - Timeout * 1000);
                victim.Up();
            }
            var s = Summary.Of(samples);
            bench.Report.Timing(bench.Shell.Label, "d", "blackholed, timeout 2 s", s,
                Targets.Blackhole(s, Period, Timeout));
            bench.Report.Timing(bench.Shell.Label, "d", "  of which: hung probe's timeout " +
                "expired -> file names another", Summary.Of(reactions), Verdict.None);
            bench.Report.Note($"{bench.Shell.Label} d: {verified}/{samples.Count} blackholes " +
                              "verified (a connect after filling the queue hung)");
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }
}
