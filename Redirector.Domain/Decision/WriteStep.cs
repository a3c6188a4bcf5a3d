using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>The outcome of a write. A failure leaves the file as the core knew it, so the next
/// step writes again; it is reported when its episode begins (or its reason changes), and a
/// success after it ends the episode. A superseded write asks for a new reading.</summary>
public static class WriteStep
{
    public static (State State, Seq<Effect> Effects) Apply(State s, WriteResult r, long now)
    {
        if (s.Hosts is not HostsView.Writing w)
            return (s, Empty);
        return r switch
        {
            WriteResult.Written written => Written(s, w, written, now),
            WriteResult.Superseded => (s with { Hosts = HostsView.Unread },
                Seq1<Effect>(new Effect.ReadHosts())),
            _ => Failed(s with { Hosts = new HostsView.Unchecked(w.BasedOn) }, w, r, now),
        };
    }

    static (State, Seq<Effect>) Written(
        State s, HostsView.Writing w, WriteResult.Written r, long now)
    {
        var recovered = s.WriteFailing.IsSome
            ? Seq1<Effect>(new Effect.WriteRecovered(now))
            : Empty;
        var firstInPlace = r.InPlace && !s.InPlaceWarned ? Some(r.Why) : None;
        var written = Seqs.Join(recovered,
            Seq1<Effect>(new Effect.HostsWritten(now, r.InPlace, firstInPlace)));
        s = s with
        {
            Hosts = new HostsView.Agrees(w.Next), WriteFailing = None,
            InPlaceWarned = s.InPlaceWarned || r.InPlace,
        };
        if (s.Phase == Lifecycle.Stopping)
        {
            // The write that landed may be the entries' own, out when the stop came: then the
            // block is still there and its removal comes next.
            if (w.Next.Block.IsSome)
            {
                var (removing, removal) = BlockRemoval.Emit(s, now);
                return (removing, Seqs.Join(written, removal));
            }
            return (s with { Phase = Lifecycle.Stopped },
                Seqs.Join(written, Seq<Effect>(new Effect.BlockRemoved(now), new Effect.Stopped(now))));
        }
        var (ready, readyEffects) = HostsOutput.Ready(s, now);
        // Entries that changed while the write was out are written next.
        var (next, more) = HostsOutput.Emit(ready, w.Next.Entries != ready.Entries, now);
        return (next, Seqs.Join(written, readyEffects, more));
    }

    static (State, Seq<Effect>) Failed(State s, HostsView.Writing w, WriteResult r, long now)
    {
        // Written and Superseded went elsewhere: every other outcome has a problem.
        var reason = r.Problem!;
        // While stopping: a failed removal ends the run; a failed write of the entries (out
        // when the stop came) leaves the removal still to be tried.
        if (s.Phase == Lifecycle.Stopping)
            return w.Next.Block.IsSome
                ? BlockRemoval.Emit(s, now)
                : (s with { Phase = Lifecycle.Stopped },
                    Seq<Effect>(new Effect.BlockNotRemoved(now, reason, false), new Effect.Stopped(now)));
        var known = s.WriteFailing == Some(reason);
        var next = s with { WriteFailing = reason };
        return known ? (next, Empty) : (next, Seq1<Effect>(new Effect.WriteFailed(now, reason, r)));
    }
}
