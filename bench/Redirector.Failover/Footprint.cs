namespace Redirector.Failover;

/// <summary>CPU, memory and threads of the daemon over a window, with the probes the backends
/// counted in it. Sampled once a second so peaks between reads of /proc are still seen.</summary>
sealed record Footprint(double Seconds, double CpuSeconds, double KernelSeconds, long Probes,
    long HwmKiB, long MaxRssKiB, int MaxThreads)
{
    public double CpuShare => CpuSeconds / Seconds;
    public double CpuMsPerProbe => Probes == 0 ? double.NaN : CpuSeconds * 1000 / Probes;

    public static Footprint Measure(DaemonRun run, IReadOnlyList<LoopbackBackend> backends,
        int seconds)
    {
        var start = run.Process.Stats() ?? throw run.Failed("no /proc entry");
        var accepted = backends.Sum(b => b.Accepted);
        var t0 = Clock.Now;
        var (maxRss, maxThreads) = (start.RssKiB, start.Threads);
        for (var i = 0; i < seconds; i++)
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
            var s = run.Process.Stats() ?? throw run.Failed("daemon gone");
            (maxRss, maxThreads) = (Math.Max(maxRss, s.RssKiB), Math.Max(maxThreads, s.Threads));
        }
        var end = run.Process.Stats() ?? throw run.Failed("daemon gone");
        var elapsed = Clock.MsSince(t0) / 1000;
        return new Footprint(elapsed, end.CpuSeconds - start.CpuSeconds,
            end.KernelSeconds - start.KernelSeconds,
            backends.Sum(b => b.Accepted) - accepted, end.HwmKiB, maxRss, maxThreads);
    }

    public string Describe(int backendCount, double period) =>
        $"{CpuSeconds:0.00} CPU s ({KernelSeconds:0.00} in the kernel) in {Seconds:0} s " +
        $"({CpuShare * 100:0.0} % of one core), " +
        $"{Probes} probes counted (expected {backendCount * Seconds / period:0}), " +
        $"{CpuMsPerProbe:0.000} ms CPU/probe, peak RSS {HwmKiB / 1024.0:0.0} MiB " +
        $"(max sampled {MaxRssKiB / 1024.0:0.0}), max {MaxThreads} threads";
}
