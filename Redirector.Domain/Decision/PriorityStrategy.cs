using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>The healthy backend with the lowest priority, then list order. It fails back:
/// a better backend that recovers is chosen again.</summary>
public static class PriorityStrategy
{
    public static Option<Choice> Pick(LbState lb)
    {
        var best = Best(lb, lb.IsUp);
        return best < 0 ? None : new Choice(best, Reason(lb, best), lb.Rng);
    }

    /// <summary>Committed early when the best backend that may be up is known to be up.</summary>
    public static Option<Choice> Early(LbState lb)
    {
        var best = Best(lb, lb.MayBeUp);
        return best >= 0 && lb.IsUp(best) ? new Choice(best, Reason(lb, best), lb.Rng) : None;
    }

    static string Reason(LbState lb, int i) =>
        $"best priority ({lb.Config.Backends[i].Priority}) among healthy backends";

    static int Best(LbState lb, Func<int, bool> allowed)
    {
        var best = -1;
        for (var i = 0; i < lb.Backends.Count; i++)
            if (allowed(i) && (best < 0 ||
                               lb.Config.Backends[i].Priority < lb.Config.Backends[best].Priority))
                best = i;
        return best;
    }
}
