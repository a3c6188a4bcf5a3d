using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>Applies a new configuration: LBs whose definition did not change keep their state,
/// new or changed LBs start fresh (resuming the block's entry), removed LBs leave the block.</summary>
public static class Reload
{
    /// <summary>The LB states for a config, each new one seeded from the state's generator.</summary>
    public static (Map<string, LbState> Lbs, ulong Rng) Build(
        Configuration config, Map<string, LbState> previous, ulong rng, ReadBack readBack)
    {
        var node = config.Main.NodeName.IfNone("");
        var lbs = Map<string, LbState>();
        foreach (var (name, lb) in config.Lbs)
        {
            var old = previous.Find(name).Filter(o => o.Config.SameDefinition(lb));
            if (old.IsSome)
            {
                lbs = lbs.Add(name, (LbState)old with
                {
                    Config = lb, Weights = LbState.WeightsFor(lb, node),
                });
                continue;
            }
            var (seed, nextRng) = SplitMix64.Next(rng);
            rng = nextRng;
            lbs = lbs.Add(name, LbState.Fresh(lb, node, readBack.AddressOf(lb), seed) with
            {
                Reloaded = previous.ContainsKey(name),
            });
        }
        return (lbs, rng);
    }

    public static (State State, Seq<Effect> Effects) Apply(
        State s, Configuration config, string hostsText)
    {
        var (built, rng) = Build(config, s.Lbs, s.Rng, ReadBack.Of(hostsText));
        var effects = toSeq(s.Lbs.Values
            .Where(l => !config.Lbs.ContainsKey(l.Name) && l.Entry.IsSome)
            .Select(l => (Effect)new Effect.EntryRemoved(l.Name, "no longer configured"))
            .ToArray());
        var lbs = built;
        // The node name may have changed, which moves hash LBs.
        foreach (var lb in built.Values.Where(l => l.Decided))
        {
            var (next, evs) = LbStep.Decide(lb);
            lbs = lbs.SetItem(lb.Name, next);
            effects = Seqs.Join(effects, evs);
        }
        var (state, writes) = HostsOutput.Emit(
            s with { Config = config, Lbs = lbs, Rng = rng }, true, hostsText);
        return (state, Seqs.Join(effects, writes));
    }
}
