using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>The healthy backend with the lowest smoothed probe time. A healthy active backend
/// is left only for one faster by both margins (relative and absolute), so near-ties never
/// flap.</summary>
public static class LatencyStrategy
{
    public static Option<Choice> Pick(LbState lb, Strategy.Latency margins)
    {
        var best = -1;
        for (var i = 0; i < lb.Backends.Count; i++)
            if (lb.IsUp(i) && (best < 0 || Ms(lb, i) < Ms(lb, best)))
                best = i;
        if (best < 0)
            return None;
        if (lb.Active.Exists(lb.IsUp) && (int)lb.Active is var active && active != best
            && !BetterByMargin(Ms(lb, best), Ms(lb, active), margins))
            return new Choice(active, "still healthy and not slower by the margins", lb.Rng);
        return new Choice(best, $"fastest healthy backend ({Ms(lb, best):0.#} ms smoothed)", lb.Rng);
    }

    public static bool BetterByMargin(double candidateMs, double activeMs, Strategy.Latency m) =>
        candidateMs < activeMs * (1 - m.MarginRatio) && activeMs - candidateMs > m.MarginMs;

    static double Ms(LbState lb, int i) => lb.Backends[i].SmoothedMs.IfNone(double.MaxValue);
}
