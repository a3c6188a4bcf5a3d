namespace Redirector.Domain.Hosts;

/// <summary>Lists the marker lines of a hosts text. A marker line holds exactly a marker,
/// give or take surrounding spaces and tabs, before its LF or CRLF; a line that merely
/// mentions the words (in a comment or after an entry) is ordinary text.</summary>
static class MarkerScanner
{
    // Both markers contain this. Searching for it (vectorised) instead of looking at every line
    // keeps a 200,000-line ad-block list cheap; lines are counted only up to each hit.
    const string Tag = "REDIRECTOR MANAGED BLOCK";

    // A BOM is an encoding mark, not content: line 1 may be a marker after it, and the BOM
    // then stays outside the block. Latin-1 reading shows it as three chars, UTF-8 as one.
    const string Latin1Bom = "\u00EF\u00BB\u00BF";
    const char Bom = '\uFEFF';

    public static List<MarkerLine> Scan(string text)
    {
        var span = text.AsSpan();
        var found = new List<MarkerLine>();
        var (counted, line, from) = (0, 1, 0);
        int hit;
        while ((hit = span[from..].IndexOf(Tag, StringComparison.Ordinal)) >= 0)
        {
            hit += from;
            var start = span[..hit].LastIndexOf('\n') + 1;
            var lf = span[hit..].IndexOf('\n');
            var next = lf < 0 ? text.Length : hit + lf + 1;
            line += span[counted..start].Count('\n');
            counted = start;
            var bom = start == 0 ? BomLength(span) : 0;
            if (KindOf(span[(start + bom)..next]) is { } kind)
                found.Add(new MarkerLine(kind, line, start + bom, next));
            from = next;
        }
        return found;
    }

    static int BomLength(ReadOnlySpan<char> text) =>
        text.StartsWith(Latin1Bom) ? Latin1Bom.Length
        : text.Length > 0 && text[0] == Bom ? 1
        : 0;

    /// <summary>Only blanks may surround a marker: a stray CR or other control character makes
    /// the line ordinary text, so an odd edit is refused rather than guessed at.</summary>
    static MarkerKind? KindOf(ReadOnlySpan<char> line)
    {
        var body = line.EndsWith("\r\n") ? line[..^2] : line.EndsWith("\n") ? line[..^1] : line;
        var content = body.Trim(" \t");
        return content.SequenceEqual(Markers.Begin) ? MarkerKind.Begin
            : content.SequenceEqual(Markers.End) ? MarkerKind.End
            : null;
    }
}
