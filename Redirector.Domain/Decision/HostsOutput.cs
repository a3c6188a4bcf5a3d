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
        // Re-rendering a large block for every probe result would dominate the step.
        if (!entriesChanged && s.CheckedText.Exists(t => t == text))
            return (s, Empty);
        return HostsDocument.Parse(text).Match(
            Left: e => (s with { CheckedText = text }, Seq1<Effect>(new Effect.HostsUnusable(e))),
            Right: doc =>
            {
                var next = doc.Apply(s.Entries);
                return next == text
                    ? (s with { CheckedText = text }, Seq<Effect>())
                    : (s with { CheckedText = next }, Seq1<Effect>(new Effect.WriteHosts(next)));
            });
    }
}
