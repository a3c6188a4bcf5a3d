using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>A new reading of the hosts file. The same text again changes nothing; another text
/// (another program's edit) is compared with the entries at once, so a lost block is put back.
/// An unreadable file is reported once per reason; decisions go on meanwhile.</summary>
public static class HostsStep
{
    public static (State State, Seq<Effect> Effects) Apply(State s, HostsReading r, long now) =>
        r switch
        {
            HostsReading.Text t => Read(s, t.Value, now),
            HostsReading.Unreadable u => Unreadable(s, u.Reason, now),
            _ => throw new ArgumentOutOfRangeException(nameof(r), r, "unknown reading"),
        };

    static (State, Seq<Effect>) Read(State s, string text, long now)
    {
        var again = s.Hosts is HostsView.Unreadable
            ? Seq1<Effect>(new Effect.HostsReadableAgain(now))
            : Empty;
        // The write's outcome, not a reading taken meanwhile, says what the file holds; the
        // same text again is news only when a failed write left it to be compared again.
        if (s.Hosts is HostsView.Writing
            || s.Hosts is not HostsView.Unchecked
            && string.Equals(s.Hosts.KnownText, text, StringComparison.Ordinal))
            return (s, again);
        // Stryker disable once Boolean : an Unchecked view is compared in full whatever the flag
        var (next, effects) = HostsOutput.Emit(
            s with { Hosts = new HostsView.Unchecked(text) }, false, now);
        var repaired = s.Hosts is HostsView.Unusable && next.Hosts is not HostsView.Unusable
            ? Seq1<Effect>(new Effect.HostsUsableAgain(now))
            : Empty;
        return (next, Seqs.Join(again, repaired, effects));
    }

    static (State, Seq<Effect>) Unreadable(State s, string reason, long now)
    {
        if (s.Hosts is HostsView.Writing
            || s.Hosts is HostsView.Unreadable u && u.Reason == reason)
            return (s, Empty);
        var next = s with { Hosts = new HostsView.Unreadable(reason) };
        var reported = Seq1<Effect>(new Effect.HostsUnreadable(now, reason));
        if (s.Phase != Lifecycle.Stopping)
            return (next, reported);
        var (stopped, effects) = BlockRemoval.Emit(next, now);
        return (stopped, Seqs.Join(reported, effects));
    }
}
