using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>When the active backend goes down, the others were last seen healthy up to a period
/// ago: several may have died together. Rather than write each dead one in turn, the core asks
/// for fresh probes of the candidates (one round trip when they answer or refuse) and commits
/// only to a pick that has reported since, so two backends killed at once give one move,
/// straight to the third. A hanging candidate delays it by at most its timeout, after which the
/// entry would have had to leave that candidate anyway.</summary>
public static class Failover
{
    /// <summary>The active backend is down and another may take over.</summary>
    public static bool Needed(LbState lb) =>
        lb.Phase is LbPhase.Serving s && !lb.IsUp(s.Active) && Candidates(lb, s.Active).Any();

    public static (LbState, Seq<Effect>) Start(LbState lb, long now)
    {
        var serving = (LbPhase.Serving)lb.Phase;
        var candidates = Candidates(lb, serving.Active).ToArray();
        // Every backend awaits a report: the down active one is exempt in Continue, and one
        // that was down can only become a pick through a result, which marks it fresh.
        var pending = toArray(Enumerable.Repeat(Confirmation.Pending, lb.Backends.Count));
        var probe = new Effect.ProbeNow(toSeq(candidates.Select(lb.KeyOf).ToArray()));
        var confirming = lb with
        {
            Phase = new LbPhase.Confirming(serving.Active, serving.Entry, pending),
        };
        var (next, effects) = Continue(confirming, pending, now);
        return (next, probe.Cons(effects));
    }

    /// <summary>Commits once the strategy's pick has reported since the failure (its health
    /// then includes that fresh result); all down once no backend is healthy.</summary>
    public static (LbState, Seq<Effect>) Continue(LbState lb, Arr<Confirmation> pending, long now) =>
        Strategies.Pick(lb).Match(
            Some: c => pending[c.Index] == Confirmation.Fresh || lb.Active == Some(c.Index)
                ? LbStep.Commit(lb, c, now)
                : (lb, Empty),
            None: () => LbStep.AllDown(lb, now));

    static IEnumerable<int> Candidates(LbState lb, int active) =>
        Enumerable.Range(0, lb.Backends.Count).Where(i => lb.IsUp(i) && i != active);
}
