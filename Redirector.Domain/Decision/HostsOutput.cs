using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>Turns the state's entries into a hosts write. Nothing is written until every LB has
/// made its first decision (fifty LBs at start give one write, not fifty); after that, any
/// change of the entries or of the text writes, and only when the text differs.</summary>
public static class HostsOutput
{
    public static (State State, Seq<Effect> Effects) Emit(State s, bool entriesChanged, string text)
    {
        if (!s.Started)
        {
            if (s.Lbs.Values.Any(l => !l.Decided))
                return (s, Empty);
            s = s with { Started = true };
            entriesChanged = true;
        }
        var known = s.Checked.Filter(c => c.Text == text);
        // Re-rendering a large block for every probe result would dominate the step, and an
        // unusable text is reported once, not once per probe result.
        if (!entriesChanged && (known.IsSome || s.Unusable.Exists(u => u == text)))
            return (s, Empty);
        var parsed = known.Match(
            Some: Right<HostsError, HostsDocument>,
            None: () => HostsDocument.Parse(text));
        return parsed.Match(
            Left: e => (s with { Checked = None, Unusable = text },
                Seq1<Effect>(new Effect.HostsUnusable(e))),
            Right: doc => Write(s, doc));
    }

    static (State, Seq<Effect>) Write(State s, HostsDocument doc)
    {
        var entries = s.Entries;
        var next = doc.Apply(entries);
        if (next == doc.Text)
            return (s with { Checked = doc, Unusable = None }, Empty);
        // Parsing the new text costs a few ms on a large file, but only when it changes.
        return WriteCheck.Verify(next, entries).Match(
            Right: written => (s with { Checked = written, Unusable = None },
                Seq1<Effect>(new Effect.WriteHosts(next))),
            Left: e => (s with { Checked = None, Unusable = doc.Text },
                Seq1<Effect>(new Effect.HostsUnusable(e))));
    }
}
