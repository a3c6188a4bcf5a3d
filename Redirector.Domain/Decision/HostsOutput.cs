using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>Turns the state's entries into a hosts write. Nothing is written until every LB has
/// made its first decision (fifty LBs at start give one write, not fifty); after that, any
/// change of the entries or of the text writes, and only when the text differs. Nothing is
/// written from a text the core does not have (unread, unreadable) or while a write is out.
/// </summary>
public static class HostsOutput
{
    public static (State State, Seq<Effect> Effects) Emit(State s, bool entriesChanged, long now)
    {
        switch (s.Phase)
        {
            case Lifecycle.Deciding:
                if (s.Lbs.Values.Any(l => !l.Decided))
                    return (s, Empty);
                // Nothing was written before: the view is Unchecked, compared in full whatever
                // changed, or has no text yet.
                s = s with { Phase = Lifecycle.Starting };
                break;
            case Lifecycle.Starting or Lifecycle.Running:
                break;
            case Lifecycle.Stopping:
                return BlockRemoval.Emit(s, now);
            default:
                return (s, Empty);
        }
        // Re-rendering a large block for every probe result would dominate the step, and an
        // unusable text is reported once, not once per probe result.
        var (text, known) = s.Hosts switch
        {
            HostsView.Agrees a when entriesChanged => (a.Document.Text, Some(a.Document)),
            HostsView.Unchecked u => (u.Text, None),
            HostsView.Unusable u when entriesChanged => (u.Text, None),
            _ => (null, Option<HostsDocument>.None),
        };
        if (text is null)
            return (s, Empty);
        var parsed = known.Match(
            Some: Right<HostsError, HostsDocument>,
            None: () => HostsDocument.Parse(text));
        return parsed.Match(
            Left: e => Unusable(s, text, e, now),
            Right: doc => Write(s, doc, now));
    }

    static (State, Seq<Effect>) Write(State s, HostsDocument doc, long now)
    {
        var again = s.Hosts is HostsView.Unusable
            ? Seq1<Effect>(new Effect.HostsUsableAgain(now))
            : Empty;
        var entries = s.Entries;
        var next = doc.Apply(entries);
        if (next == doc.Text)
        {
            var (agreed, ready) = Ready(s with { Hosts = new HostsView.Agrees(doc) }, now);
            return (agreed, Seqs.Join(again, ready));
        }
        // Parsing the new text costs a few ms on a large file, but only when it changes.
        return WriteCheck.Verify(next, entries).Match(
            Right: written => (s with { Hosts = new HostsView.Writing(written, doc.Text) },
                Seqs.Join(again, Seq1<Effect>(new Effect.WriteHosts(next, doc.Text)))),
            Left: e => Unusable(s, doc.Text, e, now));
    }

    static (State, Seq<Effect>) Unusable(State s, string text, HostsError e, long now)
    {
        var known = s.Hosts is HostsView.Unusable u && u.Error.Message == e.Message;
        var next = s with { Hosts = new HostsView.Unusable(text, e) };
        return known ? (next, Empty) : (next, Seq1<Effect>(new Effect.HostsUnusable(now, e)));
    }

    /// <summary>The file holds the entries: the first time, the daemon is ready.</summary>
    internal static (State, Seq<Effect>) Ready(State s, long now) =>
        s.Phase == Lifecycle.Starting
            ? (s with { Phase = Lifecycle.Running }, Seq1<Effect>(new Effect.Ready(now)))
            : (s, Empty);
}
