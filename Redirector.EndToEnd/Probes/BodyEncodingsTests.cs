using Redirector.Shell.Probes;

namespace Redirector.EndToEnd.Probes;

/// <summary>The check patterns these tests once held are the domain's now
/// (Properties: Probing).</summary>
public class BodyEncodingsTests
{
    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("UTF8", "utf-8")]
    [InlineData("latin_1", "iso-8859-1")]
    [InlineData("ascii", "us-ascii")]
    [InlineData("cp1252", "windows-1252")]
    public void Python_codec_names_find_a_decoder(string python, string webName) =>
        Assert.Equal(webName, BodyEncodings.Get(python).WebName);
}
