using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Hosts;

/// <summary>DESIGN.md's "Hosts file" section, case by case.</summary>
public class HostsDocumentExamples
{
    const string Block =
        "# BEGIN REDIRECTOR MANAGED BLOCK\n" +
        "10.0.0.12    minio.local\n" +
        "10.20.0.101  elastic.local\n" +
        "# END REDIRECTOR MANAGED BLOCK\n";

    [Fact]
    public void A_text_ending_in_a_newline_gets_the_block_appended()
    {
        var result = Some.HostsDocumentOf(Some.HostsText).Apply(Some.HostsEntries);
        Assert.Equal(Some.HostsText + Block, result);
    }

    [Fact]
    public void A_missing_final_newline_is_added_before_the_block()
    {
        var result = Some.HostsDocumentOf("127.0.0.1 localhost").Apply(Some.HostsEntries);
        Assert.Equal("127.0.0.1 localhost\n" + Block, result);
    }

    [Fact]
    public void A_text_without_a_block_gets_none_while_there_is_no_entry_to_write() =>
        Assert.Equal(Some.HostsText, Some.HostsDocumentOf(Some.HostsText).Apply(Empty));

    [Fact]
    public void An_existing_block_is_kept_even_when_it_becomes_empty()
    {
        var text = Some.HostsText + Some.OriginalBlock;
        Assert.Equal(Some.HostsText + "# BEGIN REDIRECTOR MANAGED BLOCK\n" +
            "# END REDIRECTOR MANAGED BLOCK\n", Some.HostsDocumentOf(text).Apply(Empty));
    }

    [Fact]
    public void An_empty_text_becomes_the_block_alone() =>
        Assert.Equal(Block, Some.HostsDocumentOf("").Apply(Some.HostsEntries));

    [Fact]
    public void A_CRLF_file_gets_a_CRLF_block_and_keeps_its_own_bytes()
    {
        const string text = "127.0.0.1 localhost\r\n# comment\r\n10.1.2.3 nas";
        var result = Some.HostsDocumentOf(text).Apply(Some.HostsEntries);
        Assert.Equal(text + "\r\n" + Block.Replace("\n", "\r\n"), result);
    }

    [Fact]
    public void A_CRLF_block_is_replaced_in_CRLF()
    {
        var crlf = Some.HostsText.Replace("\n", "\r\n");
        var text = crlf + Some.OriginalBlock.Replace("\n", "\r\n") + "# after\r\n";
        var result = Some.HostsDocumentOf(text).Apply(Seq1(Some.MinioEntry));
        Assert.Equal(crlf + "# BEGIN REDIRECTOR MANAGED BLOCK\r\n10.0.0.12  minio.local\r\n" +
            "# END REDIRECTOR MANAGED BLOCK\r\n# after\r\n", result);
    }

    [Fact]
    public void A_block_written_by_the_original_program_is_read_back_and_kept_byte_for_byte()
    {
        var text = Some.HostsText + Some.OriginalBlock + "# added later by hand\n";
        var document = Some.HostsDocumentOf(text);
        Assert.Equal(Some.HostsEntries, document.Entries);
        Assert.Equal(text, document.Apply(document.Entries));
    }

    [Fact]
    public void An_unchanged_block_gives_back_the_text_itself_without_a_copy()
    {
        var text = Some.HostsText + Some.OriginalBlock;
        Assert.Same(text, Some.HostsDocumentOf(text).Apply(Some.HostsEntries));
    }

    [Fact]
    public void A_block_written_by_the_original_program_is_replaced_in_place()
    {
        var text = "# top\n" + Some.OriginalBlock + "10.9.9.9 after.lan\n";
        var entries = Seq(Some.HostsEntryOf("10.0.0.13", "minio.local"), Some.V6Entry);
        Assert.Equal("# top\n" +
            "# BEGIN REDIRECTOR MANAGED BLOCK\n" +
            "10.0.0.13  minio.local\n" +
            "fd00::1:2  db.local postgres.local pg\n" +
            "# END REDIRECTOR MANAGED BLOCK\n" +
            "10.9.9.9 after.lan\n", Some.HostsDocumentOf(text).Apply(entries));
    }

    [Fact]
    public void Addresses_are_padded_to_one_column_across_IPv4_and_IPv6()
    {
        var entries = Seq(
            Some.HostsEntryOf("10.0.0.1", "a.local"),
            Some.HostsEntryOf("2001:db8::dead:beef", "b.local"),
            Some.HostsEntryOf("::1", "c.local"));
        Assert.Equal(
            "# BEGIN REDIRECTOR MANAGED BLOCK\n" +
            "10.0.0.1             a.local\n" +
            "2001:db8::dead:beef  b.local\n" +
            "::1                  c.local\n" +
            "# END REDIRECTOR MANAGED BLOCK\n", Some.HostsDocumentOf("").Apply(entries));
    }

    [Fact]
    public void Aliases_follow_the_name_and_are_read_back()
    {
        var text = Some.HostsDocumentOf("").Apply(Seq1(Some.V6Entry));
        Assert.Contains("fd00::1:2  db.local postgres.local pg\n", text);
        var entry = Assert.Single(Some.HostsDocumentOf(text).Entries);
        Assert.Equal(Some.V6Entry, entry);
        Assert.Equal(new[] { "postgres.local", "pg" }, entry.Aliases.Map(a => a.Value).ToArray());
    }

    [Fact]
    public void Remove_takes_out_the_block_and_nothing_else()
    {
        var text = "\u00EF\u00BB\u00BF# top\r\n" + Some.OriginalBlock + "\t10.9.9.9 after.lan";
        Assert.Equal("\u00EF\u00BB\u00BF# top\r\n\t10.9.9.9 after.lan",
            Some.HostsDocumentOf(text).Remove());
    }

    [Fact]
    public void Remove_without_a_block_returns_the_text_unchanged() =>
        Assert.Equal(Some.HostsText, Some.HostsDocumentOf(Some.HostsText).Remove());

    [Fact]
    public void A_BOM_before_a_block_on_line_1_stays_outside_it()
    {
        const string bom = "\u00EF\u00BB\u00BF";
        var document = Some.HostsDocumentOf(bom + Some.OriginalBlock + "# rest\n");
        Assert.Equal(Some.HostsEntries, document.Entries);
        Assert.Equal(bom + "# rest\n", document.Remove());
        Assert.Equal(bom + Some.OriginalBlock + "# rest\n", document.Apply(Some.HostsEntries));
    }

    [Fact]
    public void Lines_that_mention_the_marker_words_are_ordinary_text()
    {
        const string text =
            "# see BEGIN REDIRECTOR MANAGED BLOCK docs\n" +
            "127.0.0.1 x # END REDIRECTOR MANAGED BLOCK\n" +
            "## BEGIN REDIRECTOR MANAGED BLOCK\n";
        var document = Some.HostsDocumentOf(text);
        Assert.True(document.Block.IsNone);
        Assert.Equal(text + Block, document.Apply(Some.HostsEntries));
    }

    [Fact]
    public void Markers_surrounded_by_blanks_and_blank_lines_inside_are_accepted()
    {
        const string text = "  # BEGIN REDIRECTOR MANAGED BLOCK\t\n\n\t10.0.0.12\tminio.local \n" +
            "# END REDIRECTOR MANAGED BLOCK  ";
        var document = Some.HostsDocumentOf(text);
        Assert.Equal(Seq1(Some.MinioEntry), document.Entries);
        Assert.Equal("", document.Remove());
        Assert.Equal(Block.TrimEnd('\n'), document.Apply(Some.HostsEntries));
    }

    [Fact]
    public void An_empty_block_has_no_entries_and_can_be_filled()
    {
        var document = Some.HostsDocumentOf("# BEGIN REDIRECTOR MANAGED BLOCK\n" +
            "# END REDIRECTOR MANAGED BLOCK\n");
        Assert.True(document.Entries.IsEmpty);
        Assert.Equal(Block, document.Apply(Some.HostsEntries));
    }
}
