using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>Applies a configuration. The first one starts every LB; later ones keep the LBs
/// whose definition did not change (state and probe schedule), restart changed ones under the
/// new generation (resuming the block's entry), start added ones, and drop removed ones from
/// the block. The scheduler only carries out the StartProbing/StopProbing decided here.</summary>
public static class Reload
{
    public static (State State, Seq<Effect> Effects) Apply(
        State s, Configuration config, int generation, long now)
    {
        if (s.Phase is Lifecycle.Stopping or Lifecycle.Stopped)
            return (s, Empty);
        if (s.Phase == Lifecycle.Unconfigured)
            return First(s, config, generation, now);
        return StartOnlyKeys.Refusal(s.Config.Main, config.Main).Match(
            Some: why => (s, Seq1<Effect>(new Effect.ReloadRefused(now, Seq1(why)))),
            None: () => Replace(s, config, generation, now));
    }

    static (State, Seq<Effect>) First(State s, Configuration config, int generation, long now)
    {
        var (lbs, rng) = Build(config, Map<string, LbState>(), s.Rng, ReadBack.Of(s.Hosts),
            generation);
        var starts = toSeq(lbs.Values
            .Select(l => (Effect)new Effect.StartProbing(l.Config, generation)).ToArray());
        // Stryker disable once Boolean : nothing is written before the first configuration, so
        // the view is never Agrees or Unusable, the only views the flag is read for
        var (next, writes) = HostsOutput.Emit(s with
        {
            Phase = Lifecycle.Deciding, Config = config, Generation = generation, Lbs = lbs,
            Rng = rng,
        }, true, now);
        return (next, Seqs.Join(starts, writes));
    }

    static (State, Seq<Effect>) Replace(State s, Configuration config, int generation, long now)
    {
        var (built, rng) = Build(config, s.Lbs, s.Rng, ReadBack.Of(s.Hosts), generation);
        bool Kept(LbState l) => s.Lbs.Find(l.Name).Exists(o => o.Generation == l.Generation);
        var kept = built.Values.Where(Kept).Select(l => l.Name).ToArray();
        var restarted = built.Values.Where(l => !Kept(l) && s.Lbs.ContainsKey(l.Name))
            .Select(l => l.Name).ToArray();
        var started = built.Values.Where(l => !s.Lbs.ContainsKey(l.Name)).Select(l => l.Name)
            .ToArray();
        var removed = s.Lbs.Values.Where(l => !config.Lbs.ContainsKey(l.Name)).ToArray();
        var effects = new List<Effect>();
        effects.AddRange(s.Lbs.Values.Where(l => restarted.Contains(l.Name) || removed.Contains(l))
            .Select(l => new Effect.StopProbing(l.Name, l.Generation)));
        effects.AddRange(built.Values.Where(l => !Kept(l))
            .Select(l => new Effect.StartProbing(l.Config, generation)));
        effects.AddRange(removed.Where(l => l.Entry.IsSome)
            .Select(l => new Effect.EntryRemoved(now, l.Name, "no longer configured")));
        var lbs = built;
        // The node name may have changed, which moves hash LBs.
        foreach (var lb in built.Values.Where(l => l.Decided))
        {
            var (next, evs) = LbStep.Decide(lb, now);
            lbs = lbs.SetItem(lb.Name, next);
            effects.AddRange(evs);
        }
        effects.Add(new Effect.ConfigApplied(now, toSeq(kept), toSeq(restarted), toSeq(started),
            toSeq(removed.Select(l => l.Name).ToArray())));
        var (state, writes) = HostsOutput.Emit(
            s with { Config = config, Generation = generation, Lbs = lbs, Rng = rng }, true, now);
        return (state, Seqs.Join(toSeq(effects.ToArray()), writes));
    }

    /// <summary>The LB states for a config, each new one seeded from the state's generator.</summary>
    public static (Map<string, LbState> Lbs, ulong Rng) Build(Configuration config,
        Map<string, LbState> previous, ulong rng, ReadBack readBack, int generation)
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
            lbs = lbs.Add(name, LbState.Fresh(lb, generation, node, readBack.AddressOf(lb), seed,
                reloaded: previous.ContainsKey(name)));
        }
        return (lbs, rng);
    }
}
