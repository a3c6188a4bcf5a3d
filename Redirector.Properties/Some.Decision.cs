using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Canonical values for the decision core's tests. Backend i of every LB is the IP
/// literal 10.0.0.(i+1), so an entry's address tells which backend it names.</summary>
public static partial class Some
{
    public const string DecisionNode = "node-a";

    public const string DecisionHostsText =
        "127.0.0.1 localhost\n# keep this comment\n::1 localhost ip6-localhost\n";

    public static readonly MainConfig DecisionMain = new(
        LogLevelName.Info, MainConfig.DefaultLogFormat, None, MainConfig.DefaultLogFileMaxBytes,
        MainConfig.DefaultLogFileMaxBackups, MainConfig.DefaultLbConfigsDir, true, None,
        MainConfig.DefaultHostsFile, Prelude.Some(DecisionNode), None);

    public static readonly Strategy.Latency DefaultLatency =
        new(Strategy.Latency.DefaultMarginRatio, Strategy.Latency.DefaultMarginMs);

    public static HostName DecisionHostName(string text) =>
        HostName.Create(text).Match(Succ: h => h, Fail: e => throw new ArgumentException(e.Head));

    public static IpLiteral BackendAddress(int index) =>
        IpLiteral.TryParse(BackendIp(index)).IfNone(() => throw new ArgumentException("bad ip"));

    public static string BackendIp(int index) => $"10.0.0.{index + 1}";

    public static HealthCheck DecisionCheck(int rise = 1, int fall = 1) =>
        new HealthCheck.Tcp(TimeSpan.FromSeconds(1), rise, fall, 80, HealthCheck.DefaultTimeout);

    /// <summary>An LB named <paramref name="name"/> answering for name.local, with backends
    /// 10.0.0.1.. of the given priorities (all 0 by default).</summary>
    public static LbConfig DecisionLb(
        string name, Strategy strategy, int backends = 3, int rise = 1, int fall = 1,
        OnAllDown onAllDown = OnAllDown.Keep, int[]? priorities = null) =>
        new(name, $"lb_configs/{name}.yml", DecisionHostName($"{name}.local"),
            Seq1(DecisionHostName($"{name}-alias.local")),
            toSeq(Enumerable.Range(0, backends)
                .Select(i => new Backend(BackendIp(i), priorities?[i] ?? Backend.DefaultPriority))
                .ToArray()),
            strategy, DecisionCheck(rise, fall), onAllDown);

    public static Configuration DecisionConfig(params LbConfig[] lbs) =>
        new(DecisionMain, toMap(lbs.Select(l => (l.Name, l))));

    public static ProbeResult ProbeOk(int index, double ms = 10) =>
        new ProbeResult.Up(BackendAddress(index), TimeSpan.FromMilliseconds(ms), "connected");

    public static readonly ProbeResult ProbeFailed = new ProbeResult.Down(
        new Failure(FailureKind.Refused, "connection refused"), TimeSpan.FromMilliseconds(1));

    /// <summary>Backend i of an LB built by <see cref="DecisionLb"/>.</summary>
    public static BackendKey Key(string lb, int index) => new(lb, BackendIp(index), 80);

    /// <summary>A result of the first generation; <see cref="Decision.Simulation"/> stamps it
    /// with the generation its LB is probed under, as the scheduler does.</summary>
    public static Observation Probe(string lb, int index, bool ok, double ms = 10) =>
        new(Key(lb, index), 1, ok ? ProbeOk(index, ms) : ProbeFailed);

    /// <summary>One probe of every backend of an LB, in list order.</summary>
    public static Observation[] Round(string lb, IEnumerable<bool> ok) => Round(lb, ok.ToArray());

    /// <summary>One probe of every backend of an LB, in list order.</summary>
    public static Observation[] Round(string lb, params bool[] ok) =>
        ok.Select((up, i) => Probe(lb, i, up)).ToArray();
}

/// <summary>The backend's place in an LB built by <see cref="Some.DecisionLb"/>: its address is
/// 10.0.0.(i+1).</summary>
public static class BackendKeyIndex
{
    extension(BackendKey key)
    {
        public int Index => int.Parse(key.Host.Split('.')[3]) - 1;
    }
}
