using System.Net;

namespace Redirector.Failover;

/// <summary>Checks one read of the hosts file: markers balanced (none, or one BEGIN then one
/// END), every byte outside the block identical to the original's, every block line an
/// address followed by names. Anything else is a half-written or damaged file.</summary>
sealed class HostsCheck(string original)
{
    readonly string outside = Outside(original) ?? original;

    public HostsView Check(string text)
    {
        var (begin, end) = (Find(text, Markers.Begin), Find(text, Markers.End));
        if (begin.Count == 0 && end.Count == 0)
            return text == outside ? HostsView.Empty : HostsView.Broken("outside bytes changed");
        if (begin.Count != 1 || end.Count != 1 || end[0] < begin[0])
            return HostsView.Broken($"markers unbalanced ({begin.Count} BEGIN, {end.Count} END)");
        if (Outside(text) != outside) return HostsView.Broken("outside bytes changed");
        var entries = new Dictionary<string, string>();
        var inner = text[(LineEnd(text, begin[0]))..end[0]];
        foreach (var raw in inner.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || !IPAddress.TryParse(fields[0], out _))
                return HostsView.Broken($"bad block line '{line}'");
            entries[fields[1]] = fields[0];
        }
        return new HostsView(true, entries, null);
    }

    /// <summary>The text without its block lines (BEGIN through END and its newline).</summary>
    static string? Outside(string text)
    {
        var (begin, end) = (Find(text, Markers.Begin), Find(text, Markers.End));
        if (begin.Count != 1 || end.Count != 1) return null;
        return text[..begin[0]] + text[LineEnd(text, end[0])..];
    }

    /// <summary>Offsets of the lines that are exactly the marker (a CR before LF allowed).</summary>
    static List<int> Find(string text, string marker)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            var startsLine = at == 0 || text[at - 1] == '\n';
            var rest = at + marker.Length;
            var endsLine = rest == text.Length || text[rest] == '\n' ||
                           (text[rest] == '\r' && (rest + 1 == text.Length || text[rest + 1] == '\n'));
            if (startsLine && endsLine) found.Add(at);
        }
        return found;
    }

    static int LineEnd(string text, int at)
    {
        var newline = text.IndexOf('\n', at);
        return newline < 0 ? text.Length : newline + 1;
    }
}
