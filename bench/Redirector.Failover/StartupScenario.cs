namespace Redirector.Failover;

/// <summary>a. From starting the process to the first poll that shows the block: 1 LB with 3
/// live TCP backends, a fresh daemon and hosts file each time.</summary>
sealed class StartupScenario(Bench bench)
{
    const int Id = 21;
    const int Port = 18101;

    public void Run()
    {
        var backends = Loopback.Backends(Id, 3, Port, Protocol.Tcp);
        try
        {
            var lb = new LbSpec("web", backends.Select(b => b.Address).ToList(), Port, Protocol.Tcp);
            var samples = new List<double>();
            for (var i = 0; i < bench.Options.Reps; i++)
            {
                using var run = bench.Start([lb], OriginalHosts.Small());
                samples.Add(run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(30)));
            }
            var s = Summary.Of(samples);
            bench.Report.Timing(bench.Shell.Label, "a", "start -> first write", s,
                Verdict.AotAtMost(bench.Shell, s.Median, 100, "<= 100 ms"));
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }
}
