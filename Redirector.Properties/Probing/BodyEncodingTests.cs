using Redirector.Domain.Probing;

namespace Redirector.Properties.Probing;

public class BodyEncodingTests
{
    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("UTF8", "utf-8")]
    [InlineData("latin_1", "iso-8859-1")]
    [InlineData("ascii", "us-ascii")]
    [InlineData("cp1252", "windows-1252")]
    [InlineData("utf-16", "utf-16")]
    [InlineData(" U8 ", "utf-8")]
    [InlineData("utf", "utf-8")]
    [InlineData("utf_8_sig", "utf-8")]
    [InlineData("latin1", "iso-8859-1")]
    [InlineData("L1", "iso-8859-1")]
    [InlineData("iso8859_1", "iso-8859-1")]
    [InlineData("8859", "iso-8859-1")]
    [InlineData("646", "us-ascii")]
    [InlineData("cp437", "ibm437")]
    public void Python_codec_names_find_a_decoder(string python, string webName) =>
        Assert.Equal(webName, BodyEncoding.Find(python).Map(e => e.WebName).IfNone("none"));

    [Fact]
    public void An_unknown_name_finds_none() =>
        Assert.True(BodyEncoding.Find("no-such-codec").IsNone);

    [Fact]
    public void Undecodable_bytes_become_replacement_characters() =>
        Assert.Equal("a\uFFFDb", BodyEncoding.Find("utf-8")
            .Map(e => e.GetString([0x61, 0xFF, 0x62])).IfNone("none"));
}
