using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>One LB's part of a step: fold a probe result into its health, then decide which
/// backend its entry names.</summary>
public static class LbStep
{
    /// <summary>Updates one backend's health; a change of status is reported as an event.
    /// Results for a backend index the LB no longer has (a late probe after a reload) are
    /// ignored.</summary>
    public static (LbState State, Option<Effect> Event) Observe(
        LbState lb, int index, ProbeResult result)
    {
        if (index < 0 || index >= lb.Backends.Count)
            return (lb, None);
        var hc = lb.Config.HealthCheck;
        var before = lb.Backends[index];
        var after = before.Observe(
            result.Ok, result.Address, result.Duration.TotalMilliseconds, hc.Rise, hc.Fall);
        var next = lb with
        {
            Backends = lb.Backends.SetItem(index, after),
            Confirming = lb.Confirming.Map(c => c.SetItem(index, Confirmation.Fresh)),
        };
        if (after.Status == before.Status)
            return (next, None);
        var key = new BackendKey(lb.Name, index);
        var first = before.Status == Health.Unknown;
        Effect ev = after.IsUp
            ? new Effect.BackendWentUp(key, lb.HostOf(index), result, first)
            : new Effect.BackendWentDown(key, lb.HostOf(index), result, first);
        return (next, Some(ev));
    }

    public static (LbState State, Seq<Effect> Effects) Decide(LbState lb) =>
        lb.Decided ? DecideNext(lb) : DecideFirst(lb);

    /// <summary>The first complete probe round decides, unless an earlier answer cannot
    /// change.</summary>
    static (LbState, Seq<Effect>) DecideFirst(LbState lb)
    {
        var keeps = Strategies.KeepsRemembered(lb.Config.Strategy) && lb.Remembered.IsSome;
        var kept = keeps ? KeptFromBlock(lb) : None;
        if (kept.IsSome)
            return Commit(lb, (Choice)kept, keptFromBlock: true);
        if (lb.AllKnown)
            return Strategies.Pick(lb).Match(
                Some: c => Commit(lb, c),
                None: () => AllDown(lb));
        return keeps
            ? (lb, Empty)
            : Strategies.Early(lb).Match(Some: c => Commit(lb, c), None: () => (lb, Empty));
    }

    /// <summary>On restart the backend whose probed address the block already names stays.</summary>
    static Option<Choice> KeptFromBlock(LbState lb)
    {
        for (var i = 0; i < lb.Backends.Count; i++)
            if (lb.IsUp(i) && lb.Backends[i].Address == lb.Remembered)
                return new Choice(i, "kept from the existing block", lb.Rng);
        return None;
    }

    static (LbState, Seq<Effect>) DecideNext(LbState lb)
    {
        if (lb.Confirming.Case is Arr<Confirmation> pending)
            return Failover.Continue(lb, pending);
        if (Failover.Needed(lb))
            return Failover.Start(lb);
        return Strategies.Pick(lb).Match(Some: c => Commit(lb, c), None: () => AllDown(lb));
    }

    internal static (LbState, Seq<Effect>) Commit(LbState lb, Choice c, bool keptFromBlock = false)
    {
        var address = (IpLiteral)lb.Backends[c.Index].Address;
        var entry = LbState.EntryFor(lb.Config, address);
        var next = lb with
        {
            Active = c.Index, Decided = true, AllDown = false,
            Entry = entry, Remembered = None, Rng = c.Rng, Confirming = None, Reloaded = false,
        };
        var moved = lb.Active != Some(c.Index);
        var same = lb.Entry == Some(entry);
        // Nothing to report: the entry stays (a reload restarted the LB, or it stays healthy).
        if (same && (lb.Decided ? !moved && !lb.AllDown : lb.Reloaded))
            return (next, Empty);
        var kind = Kind(lb, moved, keptFromBlock);
        var from = lb.Decided ? lb.Active.Map(lb.HostOf) : None;
        Effect ev = new Effect.Redirected(
            lb.Name, from, lb.HostOf(c.Index), address, Reason(lb, c, kind), kind);
        return (next, Seq1(ev));
    }

    static RedirectKind Kind(LbState lb, bool moved, bool keptFromBlock) =>
        !lb.Decided ? (keptFromBlock ? RedirectKind.Kept : RedirectKind.Chosen)
        : lb.AllDown ? RedirectKind.Recovered
        : moved ? RedirectKind.Moved
        : RedirectKind.Readdressed;

    static string Reason(LbState lb, Choice c, RedirectKind kind) => kind switch
    {
        RedirectKind.Readdressed => $"the address of {lb.HostOf(c.Index)} changed",
        RedirectKind.Moved => lb.Active.Filter(a => !lb.IsUp(a)).Match(
            Some: a => $"{lb.HostOf(a)} went down; {c.Reason}",
            None: () => c.Reason),
        _ => c.Reason,
    };

    /// <summary>Reported once per episode; keep leaves the entry, remove drops it.</summary>
    internal static (LbState, Seq<Effect>) AllDown(LbState lb)
    {
        if (lb.Decided && lb.AllDown)
            return (lb, Empty);
        var keep = lb.Config.OnAllDown == OnAllDown.Keep;
        var next = lb with
        {
            Decided = true, AllDown = true, Remembered = None,
            Entry = keep ? lb.Entry : None, Confirming = None,
        };
        var down = new Effect.AllBackendsDown(lb.Name, keep && lb.Entry.IsSome);
        return !keep && lb.Entry.IsSome
            ? (next, Seq<Effect>(down, new Effect.EntryRemoved(lb.Name, "all backends are down")))
            : (next, Seq1<Effect>(down));
    }
}
