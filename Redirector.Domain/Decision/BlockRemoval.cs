using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>The stop: probing ends, and with persist_hosts_block: false the block leaves the
/// file. Only a block that parses cleanly is removed; a file that cannot be read or edited
/// keeps it, and says why.</summary>
public static class BlockRemoval
{
    public static (State State, Seq<Effect> Effects) Stop(State s, long now)
    {
        if (s.Phase is Lifecycle.Stopping or Lifecycle.Stopped)
            return (s, Empty);
        if (s.Phase == Lifecycle.Unconfigured)
            return Stopped(s, now);
        var stops = toSeq(s.Lbs.Values
            .Select(l => (Effect)new Effect.StopProbing(l.Name, l.Generation)).ToArray());
        var (next, effects) = Emit(s with { Phase = Lifecycle.Stopping }, now);
        return (next, Seqs.Join(stops, effects));
    }

    /// <summary>While stopping: the removal's write, or the end.</summary>
    public static (State State, Seq<Effect> Effects) Emit(State s, long now)
    {
        if (s.Config.Main.PersistHostsBlock)
            return Stopped(s, now);
        return s.Hosts switch
        {
            HostsView.Unchecked u => Remove(s, u.Text, now),
            HostsView.Agrees a => Remove(s, a.Document.Text, now),
            HostsView.Unreadable u => NotRemoved(s, u.Reason, true, now),
            HostsView.Unusable u => NotRemoved(s, u.Error.Message, false, now),
            // Writing or NotRead: a write or a reading is awaited.
            _ => (s, Empty),
        };
    }

    static (State, Seq<Effect>) Remove(State s, string text, long now) =>
        HostsDocument.Parse(text).Match(
            Left: e => NotRemoved(s, e.Message, false, now),
            Right: doc =>
            {
                if (doc.Block.IsNone)
                    return Stopped(s, now);
                var removed = doc.Remove();
                var next = HostsDocument.Parse(removed).IfLeft(doc);
                return (s with { Hosts = new HostsView.Writing(next, doc.Text) },
                    Seq1<Effect>(new Effect.WriteHosts(removed, doc.Text)));
            });

    static (State, Seq<Effect>) NotRemoved(State s, string reason, bool unreadable, long now) =>
        (s with { Phase = Lifecycle.Stopped },
            Seq<Effect>(new Effect.BlockNotRemoved(now, reason, unreadable), new Effect.Stopped(now)));

    static (State, Seq<Effect>) Stopped(State s, long now) =>
        (s with { Phase = Lifecycle.Stopped }, Seq1<Effect>(new Effect.Stopped(now)));
}
