using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

/// <summary>A line-by-line reference of DESIGN.md's hosts rules, written for plainness, not
/// speed (the document works on offsets). Outcomes are the new text or "Error line [first]".
/// </summary>
public static class HostsModel
{
    const string Bom = "\u00EF\u00BB\u00BF";

    public static string Apply(string text, Seq<HostsEntry> entries)
    {
        var bom = text.StartsWith(Bom, StringComparison.Ordinal) ? Bom : "";
        var lines = Lines(text[bom.Length..]);
        int? begin = null, end = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var content = Content(lines[i]).Trim(' ', '\t');
            if (content == Markers.End)
            {
                if (begin is null || end is not null) return $"MissingBegin {i + 1}";
                end = i;
            }
            else if (content == Markers.Begin)
            {
                if (end is not null) return $"SecondBlock {i + 1} {begin + 1}";
                if (begin is not null) return $"NestedBegin {i + 1} {begin + 1}";
                begin = i;
            }
        }
        if (begin is { } b && end is { } e)
        {
            for (var i = b + 1; i < e; i++)
                if (!IsBlank(lines[i]) && !IsEntry(Content(lines[i]))) return $"BadEntry {i + 1}";
            return bom + string.Concat(lines.Take(b))
                + Render(entries, Terminator(lines[b]), Terminator(lines[e]))
                + string.Concat(lines.Skip(e + 1));
        }
        if (begin is { } open) return $"MissingEnd {open + 1}";
        if (entries.IsEmpty) return text;
        var newline = lines.Count > 0 && Terminator(lines[0]) == "\r\n" ? "\r\n" : "\n";
        // A lone CR at the end is content of the last line: CRLF keeps it so.
        var separator = text.Length == 0 || text.EndsWith('\n') ? ""
            : text.EndsWith('\r') ? "\r\n"
            : newline;
        return text + separator + Render(entries, newline, newline);
    }

    /// <summary>Lines with their terminators; a line ends after each '\n'.</summary>
    static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') { lines.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    static string Terminator(string line) =>
        line.EndsWith("\r\n") ? "\r\n" : line.EndsWith('\n') ? "\n" : "";

    static string Content(string line) => line[..^Terminator(line).Length];

    static bool IsBlank(string line) => Content(line).Trim(' ', '\t').Length == 0;

    static bool IsEntry(string content)
    {
        var fields = content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && IpLiteral.TryParse(fields[0]).IsSome
            && fields.Skip(1).All(HostName.IsValid);
    }

    static string Render(Seq<HostsEntry> entries, string newline, string trailer)
    {
        var column = entries.Map(e => e.Address.Value.Length).Fold(0, Math.Max) + 2;
        return Markers.Begin + newline
            + string.Concat(entries.Map(e => e.Address.Value.PadRight(column)
                + string.Join(' ', e.Names.Map(n => n.Value)) + newline))
            + Markers.End + trailer;
    }
}
