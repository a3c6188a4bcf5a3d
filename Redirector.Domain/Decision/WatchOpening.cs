using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>Which watch connections a batch of probe results opens: one per backend whose latest
/// result in the batch was up, in an LB with <c>watch</c> on, whose watch is closed (or whose
/// pause as not watchable is over), and whose last one was asked for at least a period ago, so
/// watches never add more than one connection per backend and period.</summary>
public static class WatchOpening
{
    public static (LbState State, Seq<Effect> Effects) Open(
        LbState lb, IReadOnlyDictionary<BackendKey, ProbeResult> latest, long now)
    {
        var hc = lb.Config.HealthCheck;
        if (!hc.Watch)
            return (lb, Empty);
        var effects = new List<Effect>();
        for (var i = 0; i < lb.Backends.Count; i++)
        {
            var key = lb.KeyOf(i);
            if (!latest.TryGetValue(key, out var result) || result is not ProbeResult.Up up)
                continue;
            var w = lb.Watches[i];
            if (!Due(w, (long)hc.Period.TotalMilliseconds, now))
                continue;
            // A backend tried again after its pause is one quick end away from another.
            var strikes = w.Phase is WatchPhase.NotWatchable
                ? Watch.StrikesAllowed - 1
                : w.Strikes;
            lb = WatchStep.Set(lb, key, new Watch(new WatchPhase.Opening(), strikes, Some(now)));
            effects.Add(new Effect.OpenWatch(key, lb.Generation, up.Address, hc.Timeout));
        }
        return (lb, toSeq(effects.ToArray()));
    }

    static bool Due(Watch w, long periodMs, long now) =>
        w.Phase switch
        {
            WatchPhase.Closed => true,
            WatchPhase.NotWatchable n => n.Until <= now,
            _ => false,
        } && w.LastOpen.ForAll(last => now - last >= periodMs);
}
