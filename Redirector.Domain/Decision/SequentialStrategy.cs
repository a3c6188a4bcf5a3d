using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>The original's sequential strategy: first healthy in list order, then the next
/// healthy one after the active backend (wrapping) when it goes down; no failback.</summary>
public static class SequentialStrategy
{
    public static Option<Choice> Pick(LbState lb)
    {
        if (lb.Active.Exists(lb.IsUp))
            return new Choice((int)lb.Active, "still healthy", lb.Rng);
        var n = lb.Backends.Count;
        var start = lb.Active.Map(a => a + 1).IfNone(0);
        // Stryker disable once Equality : a turn k == n looks at index start % n, the first
        // turn's, and so gives the same answer
        for (var k = 0; k < n; k++)
        {
            var i = (start + k) % n;
            if (lb.IsUp(i))
                return new Choice(i, lb.Active.IsSome
                    ? "next healthy in list order"
                    : "first healthy in list order", lb.Rng);
        }
        return None;
    }

    /// <summary>Committed before the round ends only if no unprobed backend comes before it.</summary>
    public static Option<Choice> Early(LbState lb)
    {
        for (var i = 0; i < lb.Backends.Count; i++)
            if (lb.MayBeUp(i))
                return lb.IsUp(i)
                    ? new Choice(i, "first healthy in list order", lb.Rng)
                    : None;
        return None;
    }
}
