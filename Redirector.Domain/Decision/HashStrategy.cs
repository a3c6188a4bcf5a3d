using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>Rendezvous hashing of the node name over the healthy backends: a fleet spreads
/// evenly, a failure moves only the nodes on the failed backend, and they return after it.</summary>
public static class HashStrategy
{
    public static Option<Choice> Pick(LbState lb)
    {
        var best = Rendezvous.Winner(lb.Weights, lb.IsUp);
        return best < 0 ? None : new Choice(best, Reason, lb.Rng);
    }

    /// <summary>Committed early when the winner among those that may be up is known to be up.</summary>
    public static Option<Choice> Early(LbState lb)
    {
        var best = Rendezvous.Winner(lb.Weights, lb.MayBeUp);
        return best >= 0 && lb.IsUp(best) ? new Choice(best, Reason, lb.Rng) : None;
    }

    const string Reason = "rendezvous hash winner for this node among healthy backends";
}
