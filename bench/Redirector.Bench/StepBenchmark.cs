using System.Diagnostics;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using Redirector.Shell.Probing;
using static LanguageExt.Prelude;

namespace Redirector.Bench;

/// <summary>Throughput of Decider.Step: 2,000 LBs of 5 backends (all five strategies), fed
/// probe results one per step (the daemon's usual case) and in batches of 50. With one result
/// in 20 failing (fall 2), backends go down and up and entries move; WriteHosts texts are fed
/// back as the next current text, as the shell would after writing. Probe times are 10 ms +
/// 5 ms per backend index + 0-4 ms of noise, so latency LBs see near-ties but clear leaders.</summary>
public static class StepBenchmark
{
    internal const int Lbs = 2_000;
    internal const int Backends = 5;
    const int Results = 200_000;

    public static void Run()
    {
        var config = Config();
        var script = Script(new System.Random(42), failEvery: 20);
        Measure(config, script, 1, "warm-up", print: false);
        Measure(config, script, 1, "1 result per step, 1 in 20 failing");
        Measure(config, script, 50, "50 results per step, 1 in 20 failing");
        Measure(config, Script(new System.Random(42), failEvery: 0), 1,
            "1 result per step, all healthy");
    }

    static void Measure(Configuration config, Observation[] script, int batch, string label,
        bool print = true)
    {
        var text = "127.0.0.1 localhost\n";
        var state = Start(config, text);
        (state, text) = Apply(state, FirstRound(), text);
        var batches = script.Chunk(batch).Select(b => toSeq(b)).ToArray();
        var (writes, moves) = (0, 0);
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        foreach (var b in batches)
        {
            var (next, effects, written) = Step(state, new Input.ProbesObserved(0, b), text);
            (state, text) = (next, written);
            foreach (var e in effects)
                switch (e)
                {
                    case Effect.WriteHosts: writes++; break;
                    case Effect.Redirected: moves++; break;
                }
        }
        clock.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (!print) return;
        Console.WriteLine(
            $"step, {Lbs} LBs x {Backends} backends, {label}: " +
            $"{script.Length / clock.Elapsed.TotalSeconds:N0} results/s, " +
            $"{(double)bytes / script.Length:N0} bytes allocated/result " +
            $"({script.Length:N0} results in {clock.Elapsed.TotalMilliseconds:N0} ms, " +
            $"{moves:N0} redirects, {writes:N0} writes of a {text.Length:N0}-char hosts text)");
    }

    /// <summary>The core after reading the hosts text and taking the config.</summary>
    internal static State Start(Configuration config, string text) =>
        Decider.Steps(Decider.Initial(7), new Input.HostsRead(0, new HostsReading.Text(text)),
            new Input.ConfigLoaded(0, config, 1)).State;

    internal static (State, string) Apply(State state, Seq<Observation> results, string text)
    {
        var (next, _, written) = Step(state, new Input.ProbesObserved(0, results), text);
        return (next, written);
    }

    /// <summary>A step as the daemon takes it: a write is carried out (in memory) and its
    /// outcome stepped.</summary>
    internal static (State, Seq<Effect>, string) Step(State state, Input input, string text)
    {
        var (next, effects) = Decider.Step(state, input);
        foreach (var w in effects.OfType<Effect.WriteHosts>())
        {
            text = w.Text;
            var (after, outcome) = Decider.Step(next,
                new Input.WriteFinished(0, new WriteResult.Written(false, "")));
            (next, effects) = (after, Domain.Seqs.Join(effects, outcome));
        }
        return (next, effects, text);
    }

    internal static Seq<Observation> FirstRound() =>
        toSeq(Enumerable.Range(0, Lbs).SelectMany(l =>
            Enumerable.Range(0, Backends).Select(b => Probe(l, b, true, 10 + b))).ToArray());

    internal static Observation[] Script(System.Random random, int failEvery)
    {
        var script = new Observation[Results];
        for (var i = 0; i < Results; i++)
        {
            var (lb, backend) = (random.Next(Lbs), random.Next(Backends));
            var ok = failEvery == 0 || random.Next(failEvery) != 0;
            script[i] = Probe(lb, backend, ok, 10 + 5 * backend + random.Next(0, 5));
        }
        return script;
    }

    static Observation Probe(int lb, int backend, bool ok, double ms) =>
        new(new BackendKey(Name(lb), $"10.0.0.{backend + 1}", 80), 1, ok
            ? new ProbeResult.Up(Address(backend), TimeSpan.FromMilliseconds(ms), "connected")
            : new ProbeResult.Down(new Failure(FailureKind.Refused, "refused"),
                TimeSpan.FromMilliseconds(ms)));

    static IpLiteral Address(int backend) =>
        (IpLiteral)IpLiteral.TryParse($"10.0.0.{backend + 1}");

    static string Name(int lb) => $"lb{lb:0000}";

    static readonly Strategy[] Strategies =
    {
        new Strategy.Sequential(), new Strategy.Random(), new Strategy.Priority(),
        new Strategy.Hash(),
        new Strategy.Latency(Strategy.Latency.DefaultMarginRatio, Strategy.Latency.DefaultMarginMs),
    };

    internal static Configuration Config()
    {
        var main = new MainConfig(LogLevelName.Info, MainConfig.DefaultLogFormat, None,
            MainConfig.DefaultLogFileMaxBytes, MainConfig.DefaultLogFileMaxBackups,
            MainConfig.DefaultLbConfigsDir, true, None, "/tmp/hosts", Some("bench-node"), None);
        var check = new HealthCheck.Tcp(TimeSpan.FromSeconds(1), 1, 2, 80, HealthCheck.DefaultTimeout);
        var lbs = Enumerable.Range(0, Lbs).Select(i => new LbConfig(Name(i), $"{Name(i)}.yml",
            Host($"{Name(i)}.local"), Empty,
            toSeq(Enumerable.Range(0, Backends).Select(b => new Backend($"10.0.0.{b + 1}", b % 3))
                .ToArray()),
            Strategies[i % Strategies.Length], check, i % 2 == 0 ? OnAllDown.Keep : OnAllDown.Remove));
        return new Configuration(main, toMap(lbs.Select(l => (l.Name, l))));
    }

    static HostName Host(string name) =>
        HostName.Create(name).Match(Succ: h => h, Fail: e => throw new ArgumentException(e.Head));
}
