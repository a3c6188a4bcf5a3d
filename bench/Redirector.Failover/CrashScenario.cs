namespace Redirector.Failover;

/// <summary>i. Each backend a process of its own that keeps its connections open as a real
/// server does; the active one is SIGKILLed (the kernel closes its sockets) and timed until the
/// file names a live backend. TCP and HTTP checks, period 1 s and 10 s, sequential, fall 1.
/// Watches let the daemon see the death at once; without them the wait is the probe's (up to a
/// period). A fresh daemon per repetition: a crash is a rare event, and a backend killed again
/// and again within seconds is what the daemon treats as a quick closer (not watched for a
/// while). The killed process is restarted before the next repetition.</summary>
sealed class CrashScenario(Bench bench)
{
    const int Port = 18109;
    // A watch reacts within a round trip plus the daemon's reaction: the b/e figures.
    const double Target = 100;
    // The first probes come back up and the watches open well within this.
    const double WatchesOpen = 3;

    public void Run()
    {
        var reps = bench.Options.Reps;
        var slow = Math.Max(5, reps / 2);
        var variants = new (Protocol Protocol, double Period, int Reps, int Net)[]
        {
            (Protocol.Tcp, 1, reps, 31), (Protocol.Http, 1, reps, 32),
            (Protocol.Tcp, 10, slow, 33), (Protocol.Http, 10, slow, 34),
        };
        foreach (var v in variants)
            Measure(v.Protocol, v.Period, bench.Options.Quick ? Math.Min(v.Reps, 3) : v.Reps, v.Net);
    }

    void Measure(Protocol protocol, double period, int reps, int net)
    {
        using var backends = new ProcessBackends(net, 3, Port, protocol);
        var lb = new LbSpec("web", backends.Addresses, Port, protocol, period, TimeoutSeconds: 1);
        var kind = protocol == Protocol.Tcp ? "tcp" : "http";
        var name = $"crash (SIGKILL), {kind}, period {period:0.##} s";
        var samples = new List<double>();
        var watched = 0;
        for (var i = 0; i < reps; i++)
        {
            using var run = bench.Start([lb], OriginalHosts.Small());
            run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(30));
            // And a random phase of the probe period, so the figure without watches means something.
            Bench.Sleep(WatchesOpen + bench.Random.NextDouble() * period);
            var active = run.Poller.Current.AddressOf(lb.HostName);
            var victim = backends.At(active)
                         ?? throw run.Failed($"active address {active} is no backend");
            // A held connection at the kill is the watch (a probe is held for microseconds).
            if (victim.Open > 0) watched++;
            // Awaited before the kill, so the kill's own wait for the exit cannot hide the move.
            var moving = run.Poller.Expect(
                v => v.AddressOf(lb.HostName) is { } a && a != victim.Address && backends.IsLive(a),
                Clock.Now);
            var t0 = victim.Kill();
            var at = moving(TimeSpan.FromSeconds(period * 2 + 10))
                     ?? throw run.Failed($"no failover from {active}");
            var ms = Clock.Ms(t0, at);
            samples.Add(ms);
            if (ms > Target)
                bench.Report.Note($"{bench.Shell.Label} i: {name}: {Report.F(ms)} ms after the kill " +
                                  $"of {victim.Address}; the daemon's last lines: " +
                                  string.Join(" | ", run.Process.Tail().Split('\n').TakeLast(4)));
            backends.Restart(victim);
        }
        var s = Summary.Of(samples);
        bench.Report.Timing(bench.Shell.Label, "i", name, s,
            Verdict.AtMost(s.Max, Target, $"max <= {Target:0} ms"));
        bench.Report.Add(new Row(bench.Shell.Label, "i", "  watch open on the victim at the kill",
            $"{watched}/{samples.Count}", Verdict.None));
    }
}
