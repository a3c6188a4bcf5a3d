using System.Text;

namespace Redirector.Shell.Observing;

/// <summary>Rows of cells padded to common columns, as <c>ps</c> and <c>systemctl</c>
/// print.</summary>
static class TextTable
{
    public static string Render(string indent, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows.Max(r => r.Length))
            .Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) =>
                c == row.Length - 1 ? cell : cell.PadRight(widths[c]));
            text.Append(indent).AppendJoin("  ", cells).Append('\n');
        }
        return text.ToString();
    }
}
