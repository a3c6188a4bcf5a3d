using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The watch examples' setting: LB "web" (period 1 s, timeout 10 s, sequential over
/// 10.0.0.1..), configured under generation 1 and probed once at time 0, the write done.
/// Inputs are built here so each example reads as its times and backends.</summary>
public static class WatchCase
{
    public const string Lb = "web";

    public static LbConfig LbWith(int backends = 3, int rise = 1, int fall = 1,
        bool watch = true, Option<TimeSpan> fast = default, string name = Lb)
    {
        var lb = Some.DecisionLb(name, new Strategy.Sequential(), backends, rise, fall);
        return lb with
        {
            HealthCheck = lb.HealthCheck with { Watch = watch, FastIntervalSetting = fast },
        };
    }

    /// <summary>The state after the first round (<paramref name="up"/> per backend, all up
    /// when empty) and its write, and the effects of that round.</summary>
    public static (State State, Seq<Effect> Effects) Begin(LbConfig lb, params bool[] up) =>
        Begin(Some.DecisionConfig(lb), lb, up);

    public static (State State, Seq<Effect> Effects) Begin(
        Configuration config, LbConfig lb, params bool[] up)
    {
        var round = up.Length > 0 ? up : lb.Backends.Map(_ => true).ToArray();
        var (s, _) = Decider.Steps(Decider.Initial(1),
            new Input.HostsRead(0, new HostsReading.Text(Some.DecisionHostsText)),
            new Input.ConfigLoaded(0, config, 1));
        var (probed, effects) = Decider.Step(s, Results(0, lb.Name,
            round.Select((ok, i) => (i, ok)).ToArray()));
        var (written, _) = Decider.Step(probed,
            new Input.WriteFinished(0, new WriteResult.Written(false, "")));
        return (written, effects);
    }

    public static State Started(LbConfig lb, params bool[] up) => Begin(lb, up).State;

    public static BackendKey Key(int index, string lb = Lb) => Some.Key(lb, index);

    public static Input Results(long now, string lb, params (int Index, bool Ok)[] results) =>
        new Input.ProbesObserved(now, toSeq(results.Select(r => new Observation(Key(r.Index, lb),
            1, r.Ok ? Some.ProbeOk(r.Index) : Some.ProbeFailed)).ToArray()));

    public static Input Up(long now, params int[] indices) =>
        Results(now, Lb, indices.Select(i => (i, true)).ToArray());

    public static Input Down(long now, params int[] indices) =>
        Results(now, Lb, indices.Select(i => (i, false)).ToArray());

    public static Input Opened(long now, int index, int generation = 1) =>
        new Input.WatchOpened(now, Key(index), generation);

    public static Input Lost(long now, int index, string how = "closed by the peer",
        int generation = 1) =>
        new Input.WatchLost(now, Key(index), generation, how);

    public static Input Failed(long now, int index, string reason = "connection refused",
        int generation = 1) =>
        new Input.WatchFailed(now, Key(index), generation, reason);

    public static Watch WatchOf(State s, int index, string lb = Lb) => s.Lbs[lb].Watches[index];

    public static (State State, Seq<Effect> Effects) Step(State s, params Input[] inputs) =>
        Decider.Steps(s, inputs);

    public static State After(State s, params Input[] inputs) => Decider.Steps(s, inputs).State;

    public static Seq<T> Of<T>(Seq<Effect> effects) where T : Effect =>
        toSeq(effects.OfType<T>().ToArray());
}
