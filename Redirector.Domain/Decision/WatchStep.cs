using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>The answers to <see cref="Effect.OpenWatch"/>. A watch that ends is a hint, never a
/// verdict: it asks for probes (of the backend, and of the failover candidates when it is the
/// active one) and leaves health, entries and the hosts text to their results. A watch input of
/// another generation, an LB no longer configured, an unknown backend, a watch in another phase
/// or a run that is stopping is only counted in <see cref="State.StaleResults"/>.</summary>
public static class WatchStep
{
    public static (State State, Seq<Effect> Effects) Opened(State s, Input.WatchOpened o) =>
        On(s, o.Backend, o.Generation, (_, w) => Opened(w, o));

    public static (State State, Seq<Effect> Effects) Lost(State s, Input.WatchLost l) =>
        On(s, l.Backend, l.Generation, (lb, w) => Lost(lb, w, l));

    public static (State State, Seq<Effect> Effects) Failed(State s, Input.WatchFailed f) =>
        On(s, f.Backend, f.Generation, (_, w) => Failed(w, f));

    static (State, Seq<Effect>) On(State s, BackendKey key, int generation,
        Func<LbState, Watch, Option<(Watch Watch, Seq<Effect> Effects)>> rule)
    {
        if (s.Phase is Lifecycle.Stopping or Lifecycle.Stopped)
            return Stale(s);
        return s.Lbs.Find(key.Lb).Filter(l => l.Generation == generation).Match(
            Some: lb => IndexOf(lb, key) is var i and >= 0
                ? rule(lb, lb.Watches[i]).Match(
                    Some: r => (s with { Lbs = s.Lbs.SetItem(lb.Name, Set(lb, key, r.Watch)) },
                        r.Effects),
                    None: () => Stale(s))
                : Stale(s),
            None: () => Stale(s));
    }

    static (State, Seq<Effect>) Stale(State s) =>
        (s with { StaleResults = s.StaleResults + 1 }, Empty);

    static int IndexOf(LbState lb, BackendKey key)
    {
        for (var i = 0; i < lb.Backends.Count; i++)
            if (lb.Is(i, key))
                return i;
        return -1;
    }

    /// <summary>A host listed twice is one machine with one watch: every place gets it.</summary>
    internal static LbState Set(LbState lb, BackendKey key, Watch watch)
    {
        var watches = lb.Watches;
        for (var i = 0; i < watches.Count; i++)
            if (lb.Is(i, key))
                watches = watches.SetItem(i, watch);
        return lb with { Watches = watches };
    }

    static Option<(Watch, Seq<Effect>)> Opened(Watch w, Input.WatchOpened o) =>
        w.Phase is WatchPhase.Opening
            ? Some((w with { Phase = new WatchPhase.Connected(o.Now) },
                Seq1<Effect>(new Effect.WatchConnected(o.Now, o.Backend))))
            : None;

    static Option<(Watch, Seq<Effect>)> Lost(LbState lb, Watch w, Input.WatchLost l)
    {
        if (w.Phase is not WatchPhase.Connected c)
            return None;
        var lived = l.Now - c.Since;
        var strikes = lived < Watch.QuickMs ? w.Strikes + 1 : 0;
        var reason = $"it closed {Watch.StrikesAllowed} watch connections in a row within " +
                     $"{Watch.QuickMs / 1000} s (last: {l.How} after {lived} ms)";
        var (next, marked) = Struck(w with { Strikes = strikes }, l.Backend, reason, l.Now);
        var dropped = new Effect.WatchDropped(l.Now, l.Backend, l.How);
        var probe = new Effect.ProbeNow(ToProbe(lb, l.Backend));
        return Some((next, Seqs.Join(Seq1<Effect>(dropped), marked, Seq1<Effect>(probe))));
    }

    static Option<(Watch, Seq<Effect>)> Failed(Watch w, Input.WatchFailed f)
    {
        if (w.Phase is not WatchPhase.Opening)
            return None;
        var reason = $"{Watch.StrikesAllowed} watch connections in a row could not be opened " +
                     $"(last: {f.Reason})";
        var (next, marked) = Struck(w with { Strikes = w.Strikes + 1 }, f.Backend, reason, f.Now);
        var failed = new Effect.WatchNotConnected(f.Now, f.Backend, f.Reason);
        return Some((next, Seqs.Join(Seq1<Effect>(failed), marked)));
    }

    /// <summary>Closed, or not watchable for a while once the strikes reach the limit.</summary>
    static (Watch, Seq<Effect>) Struck(Watch w, BackendKey key, string reason, long now)
    {
        if (w.Strikes < Watch.StrikesAllowed)
            return (w with { Phase = new WatchPhase.Closed() }, Empty);
        var until = now + Watch.PauseMs;
        return (w with { Phase = new WatchPhase.NotWatchable(until, reason) },
            Seq1<Effect>(new Effect.NotWatchable(now, key, reason, until)));
    }

    /// <summary>The backend; when it is the one the entry names, every other backend that is up
    /// too, so the failover finds its candidates' fresh results.</summary>
    static Seq<BackendKey> ToProbe(LbState lb, BackendKey key)
    {
        var keys = new List<BackendKey> { key };
        if (lb.Phase is LbPhase.Serving sv && lb.Is(sv.Active, key))
            for (var i = 0; i < lb.Backends.Count; i++)
                if (lb.IsUp(i) && !keys.Contains(lb.KeyOf(i)))
                    keys.Add(lb.KeyOf(i));
        return toSeq(keys.ToArray());
    }
}
