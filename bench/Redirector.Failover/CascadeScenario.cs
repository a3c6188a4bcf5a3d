namespace Redirector.Failover;

/// <summary>c. The active backend and the next one in list order are closed at once; timed
/// until the file names the third. A fresh daemon per repetition, so the active one is the
/// strategy's first choice each time and the close falls at a random phase of the period.</summary>
sealed class CascadeScenario(Bench bench)
{
    const int Net = 23;
    const int Port = 18103;
    const double Period = 1;

    public void Run()
    {
        var backends = Loopback.Backends(Net, 3, Port, Protocol.Tcp);
        try
        {
            var lb = new LbSpec("web", backends.Select(b => b.Address).ToList(), Port, Protocol.Tcp,
                Period, TimeoutSeconds: 1);
            var samples = new List<double>();
            var reactions = new List<double>();
            for (var i = 0; i < bench.Options.Reps; i++)
            {
                foreach (var b in backends)
                {
                    b.Up();
                    b.ClearAccepts();
                    b.Recording = true;
                }
                using var run = bench.Start([lb], OriginalHosts.Small());
                run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(30));
                Bench.Sleep(0.3 + bench.Random.NextDouble() * Period);
                var active = run.Poller.Current.AddressOf(lb.HostName);
                var first = backends.FindIndex(b => b.Address == active);
                if (first < 0) throw run.Failed($"active address {active} is no backend");
                var (second, survivor) = (backends[(first + 1) % 3], backends[(first + 2) % 3]);
                var t0 = Clock.Now;
                backends[first].Down();
                second.Down();
                var at = run.Poller.WaitFor(v => v.AddressOf(lb.HostName) == survivor.Address,
                    t0, TimeSpan.FromSeconds(10)) ?? throw run.Failed("no failover to the third");
                samples.Add(Clock.Ms(t0, at));
                var dues = new[] { backends[first], second }
                    .Select(b => ProbeGrid.NextDue(b.Accepts, t0, Period)).ToArray();
                if (dues.All(d => d is not null)) reactions.Add(Clock.Ms(dues.Max()!.Value, at));
            }
            var s = Summary.Of(samples);
            bench.Report.Timing(bench.Shell.Label, "c", "cascade, 2 refused at once", s,
                Targets.Failover(s, Period));
            bench.Report.Timing(bench.Shell.Label, "c", "  of which: later of the two failing " +
                "probes due -> file names the third", Summary.Of(reactions), Verdict.None);
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }
}
