namespace Redirector.Failover;

/// <summary>Runs the selected scenarios (a to h of issue 6; i to k for watch connections) against one build. A scenario that
/// cannot measure is reported and the next one runs.</summary>
sealed class Bench(ShellBinary shell, Options options, Report report, Integrity integrity)
{
    public void RunAll()
    {
        var scenarios = new (char Id, string Name, Action Run)[]
        {
            ('a', "start -> first write", () => new StartupScenario(this).Run()),
            ('b', "failover, refused (tcp)", () => new FailoverScenario(this, 'b', Protocol.Tcp).Run()),
            ('c', "cascade, two refused", () => new CascadeScenario(this).Run()),
            ('d', "blackholed backend", () => new BlackholeScenario(this).Run()),
            ('e', "failover, refused (http)", () => new FailoverScenario(this, 'e', Protocol.Http).Run()),
            ('f', "footprint 50x5", () => new FootprintScenario(this).Run()),
            ('g', "scale 2000x5", () => new ScaleScenario(this).Run()),
            ('h', "hosts rewrite, 200k lines", () => new LargeHostsScenario(this).Run()),
            ('i', "crash of a backend process", () => new CrashScenario(this).Run()),
            ('j', "graceful restart of a backend", () => new RestartScenario(this).Run()),
            ('k', "fall 3, watch off", () => new FallScenario(this).Run()),
        };
        foreach (var (id, name, run) in scenarios.Where(s => options.Runs(s.Id)))
        {
            Console.WriteLine($"-- {id}. {name} [{shell.Label}]");
            var started = Clock.Now;
            try
            {
                run();
            }
            catch (Exception e) when (e is BenchFailure or System.Net.Sockets.SocketException
                                          or IOException or InvalidOperationException)
            {
                report.Note($"{shell.Label} {id}: could not measure: {e.Message}");
            }
            finally
            {
                Children.KillAll();
            }
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            report.Note($"{shell.Label} {id}: {Clock.MsSince(started) / 1000:0} s, " +
                        $"load average {load} at its end");
        }
    }

    public ShellBinary Shell => shell;
    public Options Options => options;
    public Report Report => report;
    public Random Random { get; } = new(6);

    public DaemonRun Start(IReadOnlyList<LbSpec> lbs, string original, TimeSpan? poll = null) =>
        DaemonRun.Start(shell, lbs, original, integrity, poll);

    public static void Sleep(double seconds) => Thread.Sleep(TimeSpan.FromSeconds(seconds));
}
