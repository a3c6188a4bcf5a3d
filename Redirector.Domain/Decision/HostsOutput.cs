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
        return (s with { Checked = Written(doc, next, entries), Unusable = None },
            Seq1<Effect>(new Effect.WriteHosts(next)));
    }

    /// <summary>The document of the text just written, without parsing it again: Apply keeps
    /// everything outside the block, so only the block's end and entries move. Parsing a large
    /// hosts file on every write cost more than all the rest of a step.</summary>
    static Option<HostsDocument> Written(HostsDocument doc, string next, Seq<HostsEntry> entries) =>
        doc.Block.Match(
            Some: b => new HostsDocument(next, b with
            {
                End = b.End + next.Length - doc.Text.Length, Entries = entries,
            }),
            None: () => HostsDocument.Parse(next).ToOption());
}
