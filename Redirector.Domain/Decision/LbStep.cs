using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>One LB's part of a step: fold a probe result into its health, then decide which
/// backend its entry names.</summary>
public static class LbStep
{
    /// <summary>Updates one backend's health; a change of status is reported as an event.</summary>
    public static (LbState State, Option<Effect> Event) Observe(
        LbState lb, int index, ProbeResult r, long now)
    {
        var hc = lb.Config.HealthCheck;
        var before = lb.Backends[index];
        var after = before.Observe(
            r.Ok, r.Address, r.Duration.TotalMilliseconds, hc.Rise, hc.Fall);
        var next = lb with
        {
            Backends = lb.Backends.SetItem(index, after),
            Phase = lb.Phase is LbPhase.Confirming c
                ? c with { Pending = c.Pending.SetItem(index, Confirmation.Fresh) }
                : lb.Phase,
        };
        if (after.Status == before.Status)
            return (next, None);
        var key = lb.KeyOf(index);
        var first = before.Status == Health.Unknown;
        Effect ev = after.IsUp
            ? new Effect.BackendWentUp(now, key, r, first)
            : new Effect.BackendWentDown(now, key, r, first);
        return (next, Some(ev));
    }

    public static (LbState State, Seq<Effect> Effects) Decide(LbState lb, long now) =>
        lb.Phase switch
        {
            LbPhase.Deciding d => DecideFirst(lb, d, now),
            LbPhase.Confirming c => Failover.Continue(lb, c.Pending, now),
            _ when Failover.Needed(lb) => Failover.Start(lb, now),
            _ => Strategies.Pick(lb).Match(
                Some: c => Commit(lb, c, now),
                None: () => AllDown(lb, now)),
        };

    /// <summary>The first complete probe round decides, unless an earlier answer cannot
    /// change.</summary>
    static (LbState, Seq<Effect>) DecideFirst(LbState lb, LbPhase.Deciding d, long now)
    {
        var keeps = Strategies.KeepsRemembered(lb.Config.Strategy) && d.Remembered.IsSome;
        var kept = keeps ? KeptFromBlock(lb, d.Remembered) : None;
        if (kept.IsSome)
            return Commit(lb, (Choice)kept, now, keptFromBlock: true);
        if (lb.AllKnown)
            return Strategies.Pick(lb).Match(
                Some: c => Commit(lb, c, now),
                None: () => AllDown(lb, now));
        return keeps
            ? (lb, Empty)
            : Strategies.Early(lb).Match(Some: c => Commit(lb, c, now), None: () => (lb, Empty));
    }

    /// <summary>On restart the backend whose probed address the block already names stays.</summary>
    static Option<Choice> KeptFromBlock(LbState lb, Option<IpLiteral> remembered)
    {
        for (var i = 0; i < lb.Backends.Count; i++)
            if (lb.IsUp(i) && lb.Backends[i].Address == remembered)
                return new Choice(i, "kept from the existing block", lb.Rng);
        return None;
    }

    internal static (LbState, Seq<Effect>) Commit(
        LbState lb, Choice c, long now, bool keptFromBlock = false)
    {
        var address = (IpLiteral)lb.Backends[c.Index].Address;
        var entry = LbState.EntryFor(lb.Config, address);
        var next = lb with { Phase = new LbPhase.Serving(c.Index, entry), Rng = c.Rng };
        var moved = lb.Active != Some(c.Index);
        var same = lb.Entry == Some(entry);
        var reloaded = lb.Phase is LbPhase.Deciding { Reloaded: true };
        // Nothing to report: the entry stays (a reload restarted the LB, or it stays healthy).
        if (same && (lb.Decided ? !moved && !lb.AllDown : reloaded))
            return (next, Empty);
        var kind = Kind(lb, moved, keptFromBlock);
        // None before the first decision: a Deciding LB has no active backend.
        var from = lb.Active.Map(lb.HostOf);
        Effect ev = new Effect.Redirected(
            now, lb.Name, from, lb.HostOf(c.Index), address, Reason(lb, c, kind), kind);
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
    internal static (LbState, Seq<Effect>) AllDown(LbState lb, long now)
    {
        if (lb.AllDown)
            return (lb, Empty);
        var keep = lb.Config.OnAllDown == OnAllDown.Keep;
        var next = lb with { Phase = new LbPhase.AllDown(lb.Active, keep ? lb.Entry : None) };
        var down = new Effect.AllBackendsDown(now, lb.Name, keep && lb.Entry.IsSome);
        return !keep && lb.Entry.IsSome
            ? (next, Seq<Effect>(down,
                new Effect.EntryRemoved(now, lb.Name, "all backends are down")))
            : (next, Seq1<Effect>(down));
    }
}
