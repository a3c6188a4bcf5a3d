using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>When the active backend goes down, the others were last seen healthy up to a period
/// ago: several may have died together. Rather than write each dead one in turn, the core asks
/// for fresh probes of the candidates (one round trip when they answer or refuse) and commits
/// only to a pick whose fresh result succeeded, so two backends killed at once give one move,
/// straight to the third. A hanging candidate delays it by at most its timeout, after which the
/// entry would have had to leave that candidate anyway.</summary>
public static class Failover
{
    /// <summary>The active backend is down and another may take over.</summary>
    public static bool Needed(LbState lb) =>
        !lb.AllDown && lb.Active.Exists(a => !lb.IsUp(a)) && Candidates(lb).Any();

    public static (LbState, Seq<Effect>) Start(LbState lb)
    {
        var candidates = Candidates(lb).ToArray();
        var pending = toArray(Enumerable.Range(0, lb.Backends.Count).Select(i =>
            candidates.Contains(i) ? Confirmation.Pending : Confirmation.Failed));
        var probe = new Effect.ProbeNow(toSeq(candidates.Select(i => new BackendKey(lb.Name, i))));
        var (next, effects) = Continue(lb with { Confirming = pending }, pending);
        return (next, probe.Cons(effects));
    }

    /// <summary>Commits once the strategy's pick among backends not refuted since the failure
    /// has confirmed; all down once none is left to wait for.</summary>
    public static (LbState, Seq<Effect>) Continue(LbState lb, Arr<Confirmation> confirming)
    {
        var refuted = lb with
        {
            Backends = toArray(lb.Backends.Select((b, i) =>
                b.IsUp && confirming[i] == Confirmation.Failed ? b with { Status = Health.Down } : b)),
        };
        return Strategies.Pick(refuted).Match(
            Some: c => confirming[c.Index] == Confirmation.Succeeded || lb.Active == Some(c.Index)
                ? LbStep.Commit(lb, c)
                : (lb, Empty),
            None: () => AnyPending(refuted, confirming) ? (lb, Empty) : LbStep.AllDown(lb));
    }

    static IEnumerable<int> Candidates(LbState lb) =>
        Enumerable.Range(0, lb.Backends.Count).Where(i => lb.IsUp(i) && lb.Active != Some(i));

    static bool AnyPending(LbState lb, Arr<Confirmation> confirming) =>
        Enumerable.Range(0, lb.Backends.Count)
            .Any(i => lb.IsUp(i) && confirming[i] == Confirmation.Pending);
}
