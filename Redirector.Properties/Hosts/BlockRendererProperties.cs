using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

public class BlockRendererProperties
{
    static Arbitrary<string> Newlines => Gen.Elements("\n", "\r\n").ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Rendered_block_has_one_line_per_entry_plus_the_two_markers() =>
        Prop.ForAll(Gens.AnyHostsEntries.ToArbitrary(), Newlines, (entries, newline) =>
        {
            var lines = BlockRenderer.Render(entries, newline, "").Split(newline);
            Assert.Equal(entries.Count + 2, lines.Length);
            Assert.Equal(Markers.Begin, lines[0]);
            Assert.Equal(Markers.End, lines[^1]);
            Assert.All(lines, line => Assert.DoesNotContain(line, c => c is '\r' or '\n'));
        });

    [Property(MaxTest = 300)]
    public Property Names_start_in_one_column_two_spaces_after_the_longest_address() =>
        Prop.ForAll(Gens.AnyHostsEntries.ToArbitrary(), entries =>
        {
            var column = entries.Map(e => e.Address.Value.Length).Fold(0, Math.Max) + 2;
            var lines = BlockRenderer.Render(entries, "\n", "").Split('\n')[1..^1];
            Assert.All(lines.Zip(entries), pair =>
            {
                var (line, entry) = pair;
                Assert.Equal(entry.Address.Value.PadRight(column), line[..column]);
                Assert.Equal(string.Join(' ', entry.Names.Map(n => n.Value)), line[column..]);
            });
        });
}
