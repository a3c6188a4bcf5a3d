using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>A backend whose health is changing (an up one with failures counted but fewer than
/// fall, a down one with successes counted but fewer than rise) is probed again after the
/// check's fast interval rather than a whole period, so rise and fall take fast intervals.
/// </summary>
public static class FastReprobe
{
    /// <summary>The LB's backends observed in the batch that are changing, with when.</summary>
    public static IEnumerable<(long At, BackendKey Key)> Due(
        LbState lb, IReadOnlyDictionary<BackendKey, ProbeResult> latest, long now)
    {
        var at = now + (long)lb.Config.HealthCheck.FastInterval.TotalMilliseconds;
        for (var i = 0; i < lb.Backends.Count; i++)
            if (lb.Backends[i].Streak > 0 && latest.ContainsKey(lb.KeyOf(i)))
                yield return (at, lb.KeyOf(i));
    }

    /// <summary>One <see cref="Effect.ProbeAt"/> per time, keys in the order given, each once.
    /// </summary>
    public static Seq<Effect> Effects(IEnumerable<(long At, BackendKey Key)> due) =>
        toSeq(due.GroupBy(d => d.At)
            .OrderBy(g => g.Key)
            .Select(g => (Effect)new Effect.ProbeAt(
                toSeq(g.Select(d => d.Key).Distinct().ToArray()), g.Key))
            .ToArray());
}
