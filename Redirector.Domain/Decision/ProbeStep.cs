using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>A batch of probe results: health first, in arrival order, then one decision per
/// touched LB in name order, then the watch connections the batch opens and the fast re-probes
/// of backends whose health is changing, then at most one hosts write for the whole batch. A
/// result of a stopped schedule (an older generation, an LB removed, a backend no longer
/// listed) is only counted.</summary>
public static class ProbeStep
{
    public static (State State, Seq<Effect> Effects) Apply(
        State s, Seq<Observation> results, long now)
    {
        if (s.Phase is not (Lifecycle.Deciding or Lifecycle.Starting or Lifecycle.Running))
            return (s, Empty);
        var touched = new Dictionary<string, LbState>();
        var effects = new List<Effect>();
        var latest = new Dictionary<BackendKey, ProbeResult>();
        var stale = 0;
        foreach (var o in results)
        {
            if (!touched.TryGetValue(o.Backend.Lb, out var lb))
            {
                var found = s.Lbs.Find(o.Backend.Lb);
                if (found.IsNone || ((LbState)found).Generation != o.Generation)
                {
                    stale++;
                    continue;
                }
                lb = (LbState)found;
            }
            if (lb.Generation != o.Generation)
            {
                stale++;
                continue;
            }
            var seen = false;
            // A host listed twice is one machine: its result counts for both places.
            for (var i = 0; i < lb.Backends.Count; i++)
            {
                if (!lb.Is(i, o.Backend)) continue;
                var (next, ev) = LbStep.Observe(lb, i, o.Result, now);
                lb = next;
                ev.IfSome(effects.Add);
                seen = true;
            }
            if (seen)
            {
                touched[o.Backend.Lb] = lb;
                latest[o.Backend] = o.Result;
            }
            else stale++;
        }
        var lbs = s.Lbs;
        var changed = false;
        var watches = new List<Effect>();
        var reprobes = new List<(long, BackendKey)>();
        foreach (var name in touched.Keys.Order(StringComparer.Ordinal))
        {
            var (decided, evs) = LbStep.Decide(touched[name], now);
            changed |= decided.Entry != ((LbState)s.Lbs.Find(name)).Entry;
            var (next, opens) = WatchOpening.Open(decided, latest, now);
            lbs = lbs.SetItem(name, next);
            effects.AddRange(evs);
            watches.AddRange(opens);
            reprobes.AddRange(FastReprobe.Due(next, latest, now));
        }
        effects.AddRange(watches);
        effects.AddRange(FastReprobe.Effects(reprobes));
        var (state, writes) = HostsOutput.Emit(
            s with { Lbs = lbs, StaleResults = s.StaleResults + stale }, changed, now);
        return (state, Seqs.Join(toSeq(effects.ToArray()), writes));
    }
}
