using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>Finds the one managed block of a hosts text. Anything ambiguous is an error that
/// names the line: the caller must never guess where the block ends.</summary>
static class HostsParser
{
    public static Either<HostsError, HostsDocument> Parse(string text) =>
        from pair in Pair(MarkerScanner.Scan(text))
        from block in pair.Match(
            Some: p => Block(text, p.Begin, p.End).Map(Some),
            None: () => Right<HostsError, Option<ManagedBlock>>(None))
        select new HostsDocument(text, block);

    static Either<HostsError, Option<(MarkerLine Begin, MarkerLine End)>> Pair(
        List<MarkerLine> markers)
    {
        MarkerLine? open = null;
        (MarkerLine Begin, MarkerLine End)? found = null;
        foreach (var m in markers)
        {
            if (m.Kind == MarkerKind.End)
            {
                if (open is not { } begin) return new HostsError.MissingBegin(m.Line);
                (found, open) = ((begin, m), null);
            }
            else if (found is { } f) return new HostsError.SecondBlock(m.Line, f.Begin.Line);
            else if (open is { } o) return new HostsError.NestedBegin(m.Line, o.Line);
            else open = m;
        }
        if (open is { } unclosed) return new HostsError.MissingEnd(unclosed.Line);
        return Optional(found);
    }

    static Either<HostsError, ManagedBlock> Block(string text, MarkerLine begin, MarkerLine end) =>
        ReadEntries(text, begin.Next, end.Start, begin.Line + 1).Map(entries =>
            new ManagedBlock(begin.Start, end.Next, begin.Line, entries,
                Terminator(text, begin.Next), Terminator(text, end.Next)));

    /// <summary>The line terminator that ends just before <paramref name="lineEnd"/>.</summary>
    static string Terminator(string text, int lineEnd) =>
        lineEnd == 0 || text[lineEnd - 1] != '\n' ? ""
        : lineEnd >= 2 && text[lineEnd - 2] == '\r' ? "\r\n"
        : "\n";

    /// <summary>[from, to) is whole lines, each ending in LF or CRLF; blank lines are skipped.
    /// Only the CR of a CRLF is dropped: any other control character is a bad entry.</summary>
    static Either<HostsError, Seq<HostsEntry>> ReadEntries(
        string text, int from, int to, int firstLine) =>
        text[from..to].Split('\n')
            .Select((line, i) => (Text: WithoutCr(line), Line: firstLine + i))
            .Where(l => l.Text.AsSpan().Trim(" \t").Length > 0)
            .Select(l => EntryParser.Parse(l.Text, l.Line))
            .ToSeq()
            .Sequence();

    static string WithoutCr(string line) => line.EndsWith('\r') ? line[..^1] : line;
}
