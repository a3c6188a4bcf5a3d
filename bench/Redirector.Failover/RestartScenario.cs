namespace Redirector.Failover;

/// <summary>j. A graceful restart: the active backend's process exits normally (it closes its
/// listener and connections: FIN) and a new one, already loaded, listens on the same port
/// again a gap later (100 ms after its exit: under the 200 ms a quick service restart takes).
/// Reports, timed from the SIGTERM, what the daemon does: whether and when the entry moves, and
/// whether it moves back (the gap is timed from the old process's exit). Priority strategy, so moving back (fail back to the
/// restarted first backend) is possible; period 1 s; TCP and HTTP with fall 1, and TCP with
/// fall 3 (whose re-probes at fast_interval can outlast the gap). A fresh daemon per
/// repetition, as in i: restarts seconds apart would make the backend a quick closer.</summary>
sealed class RestartScenario(Bench bench)
{
    const int Port = 18110;
    const double Period = 1;
    const double Gap = 0.1;
    const double WatchesOpen = 3;
    // How long a move (then a move back) is waited for: a few periods.
    static readonly TimeSpan Window = TimeSpan.FromSeconds(4 * Period);

    public void Run()
    {
        Measure(Protocol.Tcp, 1, 35);
        Measure(Protocol.Http, 1, 36);
        Measure(Protocol.Tcp, 3, 38);
    }

    void Measure(Protocol protocol, int fall, int net)
    {
        using var backends = new ProcessBackends(net, 3, Port, protocol);
        var lb = new LbSpec("web", backends.Addresses, Port, protocol, Period, TimeoutSeconds: 1,
            Strategy: "priority", Fall: fall);
        var (moves, backs, gaps) = (new List<double>(), new List<double>(), new List<double>());
        var (watched, reps) = (0, bench.Options.Reps);
        for (var i = 0; i < reps; i++)
        {
            using var run = bench.Start([lb], OriginalHosts.Small());
            run.WaitForFirstWrite([lb], TimeSpan.FromSeconds(30));
            Bench.Sleep(WatchesOpen + bench.Random.NextDouble() * Period);
            var first = backends.All[0];
            if (run.Poller.Current.AddressOf(lb.HostName) != first.Address)
                throw run.Failed($"the entry is not on the first backend {first.Address}");
            if (first.Open > 0) watched++;
            var standby = backends.Standby(first);
            var t0 = Clock.Now;
            var moving = run.Poller.Expect(v => v.AddressOf(lb.HostName) != first.Address, t0);
            try
            {
                var exited = first.Stop();
                Thread.Sleep(TimeSpan.FromSeconds(Gap));
                standby.Listen();
                gaps.Add(Clock.Ms(exited, standby.WaitListening()));
            }
            catch
            {
                standby.Dispose();
                throw;
            }
            backends.Replace(first, standby);
            var moved = moving(Window);
            if (moved is not { } m) continue;
            moves.Add(Clock.Ms(t0, m));
            var back = run.Poller.WaitFor(v => v.AddressOf(lb.HostName) == first.Address, m, Window);
            if (back is { } b) backs.Add(Clock.Ms(t0, b));
        }
        var kind = $"{(protocol == Protocol.Tcp ? "tcp" : "http")}, fall {fall}";
        var label = bench.Shell.Label;
        bench.Report.Timing(label, "j", $"graceful restart, {kind}: old exited -> new listens",
            Summary.Of(gaps), Verdict.None);
        bench.Report.Add(new Row(label, "j", $"graceful restart, {kind}: entry moved",
            $"{moves.Count}/{reps} restarts (watch open at the exit: {watched}/{reps}); " +
            $"moved back {backs.Count}/{moves.Count}", Verdict.None));
        bench.Report.Timing(label, "j", "  SIGTERM -> entry moved away", Summary.Of(moves),
            Verdict.None);
        bench.Report.Timing(label, "j", "  SIGTERM -> entry back on the restarted backend",
            Summary.Of(backs), Verdict.None);
    }
}
