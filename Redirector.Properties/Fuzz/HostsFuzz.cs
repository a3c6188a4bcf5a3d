using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Fuzz;

/// <summary>Issue 7, item 6 for the hosts parser: arbitrary bytes (read as Latin-1, as the
/// shell reads the file) and mangled valid files always give a document or a positioned error,
/// never an exception; an accepted document keeps every byte outside its block.</summary>
public class HostsFuzz
{
    static readonly string[] Fragments =
    [
        Markers.Begin, Markers.End, "\n", "\r\n", "\r", "#", " ", "\t", "\0", "\u00EF\u00BB\u00BF",
        "10.0.0.1", "::1", "localhost", "# BEGIN", "# END", "BEGIN REDIRECTOR MANAGED BLOCK",
        "\u0085", "\u00FF", "  # BEGIN REDIRECTOR MANAGED BLOCK", "#BEGIN REDIRECTOR MANAGED BLOCK",
    ];

    static Gen<string> Latin1Bytes =>
        Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()).Select(Encoding.Latin1.GetString);

    static Gen<string> Mangled =>
        from text in Gens.EditableHostsText
        from edits in Gen.Choose(1, 4)
        from positions in Gen.ArrayOf(Gen.Choose(0, text.Length), edits)
        from inserts in Gen.ArrayOf(Gen.Elements(Fragments), edits)
        from cut in Gen.Choose(0, 8)
        select Edit(text, positions, inserts, cut);

    static string Edit(string text, int[] positions, string[] inserts, int cut)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            var at = Math.Min(positions[i], text.Length);
            var removed = Math.Min(cut, text.Length - at);
            text = text[..at] + inserts[i] + text[(at + removed)..];
        }
        return text;
    }

    static int LineCount(string text) => text.Count(c => c == '\n') + 1;

    /// <summary>An error names a real line; a document is editable without loss outside.</summary>
    static Property Holds(string text, Seq<HostsEntry> entries)
    {
        var parsed = HostsDocument.Parse(text);
        return parsed.Match(
            Left: e => (e.Line >= 1 && e.Line <= LineCount(text)
                        && !e.Describe("hosts").Contains('\n'))
                .Label($"error {e.Message} for a text of {LineCount(text)} lines"),
            Right: doc =>
            {
                var next = doc.Apply(entries);
                var again = HostsDocument.Parse(next);
                var outside = doc.Remove();
                return again.Match(
                    Left: e => false.Label($"own output does not parse: {e.Message}"),
                    Right: d => (d.Entries == entries && EndsAlike(outside, d.Remove()))
                        .Label("entries or outside bytes changed"));
            }).Label(Shown(text));
    }

    // Appending may add the missing final newline before the block; nothing else changes.
    static bool EndsAlike(string before, string after) =>
        after == before || after == before + "\n" || after == before + "\r\n";

    static string Shown(string text) => string.Concat(text.Take(400).Select(c =>
        c < ' ' || c > '~' ? $"\\x{(int)c:x2}" : c.ToString()));

    [Property(MaxTest = 2000)]
    public Property Arbitrary_bytes_give_a_document_or_a_positioned_error() =>
        Prop.ForAll(Latin1Bytes.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(), Holds);

    [Property(MaxTest = 2000)]
    public Property Mangled_valid_files_give_a_document_or_a_positioned_error() =>
        Prop.ForAll(Mangled.ToArbitrary(), Gens.AnyHostsEntries.ToArbitrary(), Holds);

    [Property(MaxTest = 300)]
    public Property Marker_soup_gives_a_document_or_a_positioned_error() =>
        Prop.ForAll(Gen.Elements(Fragments).ArrayOf().Select(string.Concat).ToArbitrary(),
            Gens.AnyHostsEntries.ToArbitrary(), Holds);
}
