using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>The last line of defence before a write: the text about to be written must read
/// back with exactly one block holding exactly the intended entries. Apply is built to
/// guarantee it; this makes any case it misses a refused write, never a file that the next
/// run cannot read.</summary>
public static class WriteCheck
{
    public static Either<HostsError, HostsDocument> Verify(string next, Seq<HostsEntry> entries) =>
        HostsDocument.Parse(next).Match(
            Left: e => Left<HostsError, HostsDocument>(
                new HostsError.WouldNotReadBack(e.Line, e.Problem)),
            Right: doc => doc.Block.Match(
                Some: b => b.Entries == entries
                    ? Right<HostsError, HostsDocument>(doc)
                    : Left<HostsError, HostsDocument>(new HostsError.WouldNotReadBack(
                        b.BeginLine, "its block would hold other entries than intended")),
                None: () => entries.IsEmpty
                    ? Right<HostsError, HostsDocument>(doc)
                    : Left<HostsError, HostsDocument>(new HostsError.WouldNotReadBack(
                        1, "it would have no managed block"))));
}
