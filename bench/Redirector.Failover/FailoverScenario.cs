namespace Redirector.Failover;

/// <summary>b and e. One daemon, 3 backends, sequential, period 1 s (--period), fall 1. Each repetition
/// closes the active backend at a random phase of the probe period and times until the file
/// names another live backend; the closed one is revived and seen up before the next.</summary>
sealed class FailoverScenario(Bench bench, char id, Protocol protocol)
{
    readonly double Period = bench.Options.Period;

    public void Run()
    {
        var (net, port) = protocol == Protocol.Tcp ? (22, 18102) : (25, 18105);
        var backends = Loopback.Backends(net, 3, port, protocol);
        try
        {
            var lb = new LbSpec("web", backends.Select(b => b.Address).ToList(), port, protocol,
                Period, TimeoutSeconds: 1);
            using var run = bench.Start([lb], OriginalHosts.Small());
            run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(30));
            foreach (var b in backends) b.Recording = true;
            var samples = new List<double>();
            var reactions = new List<double>();
            // Twice the repetitions: they are cheap here, and a median of samples spread over a
            // uniform probe phase needs many of them to mean much.
            for (var i = 0; i < bench.Options.Reps * 2; i++)
            {
                Bench.Sleep(Period * 1.5 + 0.2 + bench.Random.NextDouble() * Period);
                var active = run.Poller.Current.AddressOf(lb.HostName);
                var victim = backends.FirstOrDefault(b => b.Address == active)
                             ?? throw run.Failed($"active address {active} is no backend");
                var t0 = Clock.Now;
                victim.Down();
                var at = run.Poller.WaitFor(
                    v => v.AddressOf(lb.HostName) is { } a && a != victim.Address &&
                         backends.Any(b => b.IsUp && b.Address == a),
                    t0, TimeSpan.FromSeconds(Period * 2 + 10))
                    ?? throw run.Failed($"no failover from {active}");
                samples.Add(Clock.Ms(t0, at));
                if (ProbeGrid.NextDue(victim.Accepts, t0, Period) is { } due)
                    reactions.Add(Clock.Ms(due, at));
                victim.Up();
            }
            var s = Summary.Of(samples);
            var name = (protocol == Protocol.Tcp ? "failover, refused, tcp" : "failover, refused, http")
                       + (Period == 1 ? "" : $", period {Period:0.##} s");
            bench.Report.Timing(bench.Shell.Label, id.ToString(), name, s,
                Targets.Failover(s, Period));
            bench.Report.Timing(bench.Shell.Label, id.ToString(), "  of which: first failing " +
                "probe due -> file names another", Summary.Of(reactions), Verdict.None);
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }
}
