using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>Finds the one managed block of a hosts text. Anything ambiguous is an error that
/// names the line: the caller must never guess where the block ends.</summary>
static class HostsParser
{
    // Match rather than LINQ: LanguageExt 4's SelectMany on Either resolves type classes by
    // reflection, which a Native AOT binary does not have.
    public static Either<HostsError, HostsDocument> Parse(string text) =>
        Pair(MarkerScanner.Scan(text)).Match(
            Left: Left<HostsError, HostsDocument>,
            Right: pair => pair.Match(
                Some: p => Block(text, p.Begin, p.End).Match(
                    Left: Left<HostsError, HostsDocument>,
                    Right: block => Right<HostsError, HostsDocument>(
                        new HostsDocument(text, Some(block)))),
                None: () => Right<HostsError, HostsDocument>(new HostsDocument(text, None))));

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
        ReadEntries(text, begin.Next, end.Start, begin.Line + 1).Match(
            Left: Left<HostsError, ManagedBlock>,
            Right: entries => Right<HostsError, ManagedBlock>(
                new ManagedBlock(begin.Start, end.Next, begin.Line, entries,
                    Terminator(text, begin.Next), Terminator(text, end.Next))));

    /// <summary>The line terminator that ends just before <paramref name="lineEnd"/>.</summary>
    static string Terminator(string text, int lineEnd) =>
        lineEnd == 0 || text[lineEnd - 1] != '\n' ? ""
        : lineEnd >= 2 && text[lineEnd - 2] == '\r' ? "\r\n"
        : "\n";

    /// <summary>[from, to) is whole lines, each ending in LF or CRLF; blank lines are skipped.
    /// Only the CR of a CRLF is dropped: any other control character is a bad entry.</summary>
    static Either<HostsError, Seq<HostsEntry>> ReadEntries(
        string text, int from, int to, int firstLine)
    {
        var entries = new List<HostsEntry>();
        var lines = text[from..to].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = WithoutCr(lines[i]);
            if (line.AsSpan().Trim(" \t").Length == 0) continue;
            switch (EntryParser.Parse(line, firstLine + i).Case)
            {
                case HostsError error: return error;
                case HostsEntry entry: entries.Add(entry); break;
            }
        }
        return Right<HostsError, Seq<HostsEntry>>(toSeq(entries.ToArray()));
    }

    static string WithoutCr(string line) => line.EndsWith('\r') ? line[..^1] : line;
}
