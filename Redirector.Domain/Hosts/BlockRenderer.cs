using System.Text;
using LanguageExt;

namespace Redirector.Domain.Hosts;

/// <summary>Renders the managed block: markers, then one line per entry with the addresses
/// padded to a common column, exactly as the original program did. Entries come out in the
/// order given: the caller orders them by LB name, so the same choices give the same bytes.
/// </summary>
public static class BlockRenderer
{
    public const string Gap = "  ";

    public static string Render(Seq<HostsEntry> entries, string newline, string trailer)
    {
        var width = entries.Fold(0, (w, e) => Math.Max(w, e.Address.Value.Length));
        var sb = new StringBuilder().Append(Markers.Begin).Append(newline);
        foreach (var e in entries)
            sb.Append(e.Address.Value.PadRight(width)).Append(Gap)
              .AppendJoin(' ', e.Names.Map(n => n.Value)).Append(newline);
        return sb.Append(Markers.End).Append(trailer).ToString();
    }
}
