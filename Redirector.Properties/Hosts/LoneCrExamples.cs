using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

/// <summary>A last line that ends in a lone CR (no LF) is ordinary text, even when the rest of
/// it is a marker: appending the block must not turn it into a CRLF marker line.</summary>
public class LoneCrExamples
{
    [Theory]
    [InlineData("127.0.0.1 localhost\n  # BEGIN REDIRECTOR MANAGED BLOCK\t\r")]
    [InlineData("127.0.0.1 localhost\n# END REDIRECTOR MANAGED BLOCK\r")]
    [InlineData("# BEGIN REDIRECTOR MANAGED BLOCK\r")]
    public void A_marker_ending_in_a_lone_CR_stays_text_after_the_block_is_appended(string text)
    {
        var document = Some.HostsDocumentOf(text);
        Assert.True(document.Block.IsNone);

        var written = document.Apply(Some.HostsEntries);

        var again = Some.HostsDocumentOf(written);
        Assert.Equal(Some.HostsEntries, again.Entries);
        Assert.Equal(text + "\r\n", again.Remove());
    }

    [Fact]
    public void A_plain_line_ending_in_a_lone_CR_keeps_its_CR_as_content()
    {
        const string text = "127.0.0.1 localhost\r";
        var written = Some.HostsDocumentOf(text).Apply(Some.HostsEntries);
        Assert.StartsWith(text + "\r\n# BEGIN REDIRECTOR MANAGED BLOCK\n", written);
    }
}
