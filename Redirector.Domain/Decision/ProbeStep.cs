using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>A batch of probe results: health first, in arrival order, then one decision per
/// touched LB in name order, then at most one hosts write for the whole batch.</summary>
public static class ProbeStep
{
    public static (State State, Seq<Effect> Effects) Apply(
        State s, Seq<Observation> results, string hostsText)
    {
        var touched = new Dictionary<string, LbState>();
        var effects = new List<Effect>();
        foreach (var o in results)
        {
            if (!touched.TryGetValue(o.Backend.Lb, out var lb))
            {
                var found = s.Lbs.Find(o.Backend.Lb);
                if (found.IsNone)
                    continue; // a late result for an LB removed by a reload
                lb = (LbState)found;
            }
            var (next, ev) = LbStep.Observe(lb, o.Backend.Index, o.Result);
            touched[o.Backend.Lb] = next;
            ev.IfSome(effects.Add);
        }
        var lbs = s.Lbs;
        var changed = false;
        foreach (var name in touched.Keys.Order(StringComparer.Ordinal))
        {
            var (next, evs) = LbStep.Decide(touched[name]);
            changed |= next.Entry != ((LbState)s.Lbs.Find(name)).Entry;
            lbs = lbs.SetItem(name, next);
            effects.AddRange(evs);
        }
        var (state, writes) = HostsOutput.Emit(s with { Lbs = lbs }, changed, hostsText);
        return (state, Seqs.Join(toSeq(effects.ToArray()), writes));
    }
}
