using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>Finds the one managed block of a hosts text. Anything ambiguous is an error that
/// names the line: the caller must never guess where the block ends.</summary>
static class HostsParser
{
    public static Either<HostsError, HostsDocument> Parse(string text)
    {
        var begin = -1;        // offset of the BEGIN line
        var beginLine = 0;
        var beginEnd = 0;      // offset just after the BEGIN line's terminator
        ManagedBlock? found = null;
        var lineNo = 0;
        var pos = 0;
        while (pos < text.Length)
        {
            lineNo++;
            var lf = text.IndexOf('\n', pos);
            var next = lf < 0 ? text.Length : lf + 1;
            var marker = MarkerAt(text.AsSpan(pos, next - pos));
            if (marker == Marker.Begin)
            {
                if (found is not null) return new HostsError.SecondBlock(lineNo, found.BeginLine);
                if (begin >= 0) return new HostsError.NestedBegin(lineNo, beginLine);
                (begin, beginLine, beginEnd) = (pos, lineNo, next);
            }
            else if (marker == Marker.End)
            {
                if (begin < 0) return new HostsError.MissingBegin(lineNo);
                var entries = ReadEntries(text, beginEnd, pos, beginLine + 1);
                if (entries.IsLeft) return entries.LeftToSeq().Head;
                found = new ManagedBlock(begin, next, beginLine, entries.RightToSeq().Head,
                    Terminator(text, beginEnd), Terminator(text, next));
                begin = -1;
            }
            pos = next;
        }
        if (begin >= 0) return new HostsError.MissingEnd(beginLine);
        return new HostsDocument(text, Optional(found));
    }

    enum Marker { None, Begin, End }

    static Marker MarkerAt(ReadOnlySpan<char> line)
    {
        var content = line.Trim(" \t\r\n");
        if (content.Length == 0 || content[0] != '#') return Marker.None;
        if (content.SequenceEqual(Markers.Begin)) return Marker.Begin;
        if (content.SequenceEqual(Markers.End)) return Marker.End;
        return Marker.None;
    }

    /// <summary>The line terminator that ends just before <paramref name="lineEnd"/>.</summary>
    static string Terminator(string text, int lineEnd) =>
        lineEnd == 0 || text[lineEnd - 1] != '\n' ? ""
        : lineEnd >= 2 && text[lineEnd - 2] == '\r' ? "\r\n"
        : "\n";

    static Either<HostsError, Seq<HostsEntry>> ReadEntries(
        string text, int from, int to, int firstLine)
    {
        var lines = text[from..to].Split('\n');
        var entries = new List<HostsEntry>();
        // The last piece is what follows the final '\n' before END: always empty.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim(' ', '\t').Length == 0) continue;
            var entry = EntryParser.Parse(line, firstLine + i);
            if (entry.IsLeft) return entry.LeftToSeq().Head;
            entries.Add(entry.RightToSeq().Head);
        }
        return toSeq(entries);
    }
}
