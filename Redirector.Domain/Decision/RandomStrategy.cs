using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>The original's random strategy: a uniformly random healthy backend, kept while it
/// stays healthy. The failed backend is never drawn again since only healthy ones are drawn,
/// and one backend needs no loop at all (the original spun forever there).</summary>
public static class RandomStrategy
{
    public static Option<Choice> Pick(LbState lb)
    {
        if (lb.Active.Exists(lb.IsUp))
            return new Choice((int)lb.Active, "still healthy", lb.Rng);
        var healthy = Enumerable.Range(0, lb.Backends.Count).Where(lb.IsUp).ToArray();
        if (healthy.Length == 0)
            return None;
        var (value, rng) = SplitMix64.Next(lb.Rng);
        var index = healthy[SplitMix64.Below(value, healthy.Length)];
        return new Choice(index, $"random choice among {healthy.Length} healthy backends", rng);
    }
}
