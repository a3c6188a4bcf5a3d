using LanguageExt;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;
using HashSet = System.Collections.Generic.HashSet<Redirector.Domain.Decision.BackendKey>;

namespace Redirector.Properties.Decision.Watching;

/// <summary>The rules, each noted under its name when broken.</summary>
public sealed partial class WatchRun
{
    public const string OpensDiffer = "the watches opened differ from the model's";
    public const string OpenedTwiceInPeriod = "a watch opened twice within a period";
    public const string OpenedWithoutUp = "a watch opened without an up result of its backend";
    public const string OpenedWhilePaused = "a watch opened while its backend is not watchable";
    public const string ReprobesDiffer = "the fast re-probes differ from the model's";
    public const string WatchChangedHealth = "a watch input changed health, entries or hosts";
    public const string StrayChanged = "a stray watch input changed more than the count";
    public const string WatchEffectsDiffer = "a watch input's effects differ from the model's";
    public const string LostAskedWrong = "a lost watch asked for the wrong probes";

    readonly Dictionary<(BackendKey, int), long> lastOpen = [];
    readonly Dictionary<(BackendKey, int), long> pausedUntil = [];

    void CheckOpens(Seq<Observation> results, Seq<Effect> effects, HashSet expected)
    {
        var opens = effects.OfType<Effect.OpenWatch>().ToList();
        if (opens.Count != expected.Count || !opens.All(o => expected.Contains(o.Backend)))
            Broke(OpensDiffer, $"opened [{string.Join(", ", opens.Select(o => o.Backend))}], " +
                               $"model [{string.Join(", ", expected)}]");
        foreach (var o in opens)
        {
            var lb = model.Lbs[o.Backend.Lb];
            var index = lb.IndexOf(o.Backend);
            if (o.Generation != lb.Generation || o.Address != Some.BackendAddress(index)
                || o.ConnectTimeout != lb.Config.HealthCheck.Timeout)
                Broke(OpensDiffer, $"{o}");
            var latest = results.Filter(r => r.Backend == o.Backend && r.Generation == o.Generation)
                .LastOrNone();
            if (!lb.Config.HealthCheck.Watch || !latest.Exists(r => r.Result.Ok))
                Broke(OpenedWithoutUp, $"{o.Backend}");
            var at = (o.Backend, o.Generation);
            if (lastOpen.TryGetValue(at, out var last) && now - last < lb.PeriodMs)
                Broke(OpenedTwiceInPeriod, $"{o.Backend} at {last} and {now}");
            lastOpen[at] = now;
            if (pausedUntil.TryGetValue(at, out var until))
            {
                if (now < until) Broke(OpenedWhilePaused, $"{o.Backend} until {until}");
                else Count("reopened after a pause");
            }
        }
    }

    void CheckReprobes(
        Seq<Effect> effects, System.Collections.Generic.HashSet<(BackendKey, long)> expected)
    {
        var asked = effects.OfType<Effect.ProbeAt>().ToList();
        var pairs = asked.SelectMany(p => p.Backends.Map(k => (k, p.At))).ToList();
        if (pairs.Count != expected.Count || !pairs.All(expected.Contains)
            || asked.Select(p => p.At).Distinct().Count() != asked.Count)
            Broke(ReprobesDiffer, $"asked [{string.Join(", ", pairs)}], " +
                                  $"model [{string.Join(", ", expected)}]");
        if (pairs.Count > 0) Count("fast re-probe");
    }

    void CheckWatchInput(Input input, State before, Seq<Effect> effects, WatchModel.Outcome expected)
    {
        var after = state;
        var watchesOnly = before.Lbs.Keys.All(name => after.Lbs.Find(name).Exists(l =>
            l with { Watches = before.Lbs[name].Watches } == before.Lbs[name]));
        if (!watchesOnly || after.Lbs.Count != before.Lbs.Count
            || after with { Lbs = before.Lbs, StaleResults = before.StaleResults } != before
            || effects.Exists(e => e is not (Effect.WatchConnected or Effect.WatchDropped
                or Effect.WatchNotConnected or Effect.NotWatchable or Effect.ProbeNow)))
            Broke(WatchChangedHealth, $"{input}");
        if (expected.Stale)
        {
            if (!effects.IsEmpty || after != before with { StaleResults = before.StaleResults + 1 })
                Broke(StrayChanged, $"{input}: [{string.Join(", ", effects)}]");
            return;
        }
        var events = effects.Filter(e => e is not Effect.ProbeNow)
            .Map(e => e is Effect.NotWatchable n ? n with { Reason = "" } : e);
        if (events != expected.Events || after.StaleResults != before.StaleResults)
            Broke(WatchEffectsDiffer, $"{input}: [{string.Join(", ", effects)}] model " +
                                      $"[{string.Join(", ", expected.Events)}]");
        CheckAsked(input, effects, expected.Probe);
        foreach (var n in effects.OfType<Effect.NotWatchable>())
        {
            pausedUntil[(n.Backend, GenerationOf(input))] = n.Until;
            Count("not watchable");
        }
        Count(input.GetType().Name);
    }

    void CheckAsked(Input input, Seq<Effect> effects, Option<HashSet> expected)
    {
        var asked = effects.OfType<Effect.ProbeNow>().ToList();
        expected.Match(
            Some: keys =>
            {
                var lost = ((Input.WatchLost)input).Backend;
                if (asked.Count != 1 || asked[0].Backends.Head != lost
                    || asked[0].Backends.Count != keys.Count
                    || !asked[0].Backends.ForAll(keys.Contains))
                    Broke(LostAskedWrong, $"{input}: [{string.Join(", ", asked)}] model " +
                                          $"[{string.Join(", ", keys)}]");
                if (keys.Count > 1) Count("active lost, candidates asked");
            },
            None: () =>
            {
                if (asked.Count > 0) Broke(LostAskedWrong, $"{input} asked for probes");
            });
    }

    static int GenerationOf(Input input) => input switch
    {
        Input.WatchLost l => l.Generation,
        Input.WatchFailed f => f.Generation,
        _ => ((Input.WatchOpened)input).Generation,
    };
}
