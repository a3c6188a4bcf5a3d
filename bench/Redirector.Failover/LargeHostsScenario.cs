namespace Redirector.Failover;

/// <summary>h. One rewrite of a 200,000-line hosts file: the benchmark drops the block (atomic
/// replace, as config management would) and times until the daemon has put it back, seen by a
/// tight stat loop on the file size. This includes noticing the change (inotify), so it bounds
/// the rewrite from above; the same on a 7-line file is printed beside it for comparison.</summary>
sealed class LargeHostsScenario(Bench bench)
{
    const int Net = 28;
    const int Port = 18108;

    public void Run()
    {
        var backends = Loopback.Backends(Net, 3, Port, Protocol.Tcp);
        try
        {
            var lb = new LbSpec("web", backends.Select(b => b.Address).ToList(), Port, Protocol.Tcp);
            var large = OriginalHosts.Large(bench.Options.LargeLines);
            var (bigFirst, big) = Restores(lb, large);
            var (_, small) = Restores(lb, OriginalHosts.Small());
            var label = bench.Shell.Label;
            bench.Report.Timing(label, "h", $"block restored, {bench.Options.LargeLines} lines " +
                                            $"({large.Length / 1048576.0:0.0} MiB)", big,
                Verdict.AtMost(big.Median, 20, "<= 20 ms"));
            bench.Report.Timing(label, "h", "block restored, 7 lines (baseline)", small,
                Verdict.None);
            bench.Report.Add(new Row(label, "h", "start -> first write, 200k lines",
                $"{Report.F(bigFirst)} ms", Verdict.None));
        }
        finally
        {
            foreach (var b in backends) b.Dispose();
        }
    }

    (double First, Summary Restore) Restores(LbSpec lb, string original)
    {
        using var run = bench.Start([lb], original);
        var first = run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(60));
        var withBlock = new FileInfo(run.Workspace.HostsFile).Length;
        var samples = new List<double>();
        for (var i = 0; i < bench.Options.Reps; i++)
        {
            Bench.Sleep(0.3);
            run.Workspace.ResetHosts();
            var t0 = Clock.Now;
            var at = SizeReached(run.Workspace.HostsFile, withBlock, TimeSpan.FromSeconds(10))
                     ?? throw run.Failed("block not restored");
            samples.Add(Clock.Ms(t0, at));
        }
        return (first, Summary.Of(samples));
    }

    /// <summary>Stats the file every ~0.2 ms until it has the given size; bounded by timeout.</summary>
    static long? SizeReached(string path, long size, TimeSpan timeout)
    {
        var deadline = Clock.After(timeout);
        while (Clock.Now < deadline)
        {
            var at = Clock.Now;
            var info = new FileInfo(path);
            if (info.Exists && info.Length == size) return at;
            Thread.SpinWait(2000);
        }
        return null;
    }
}
