using Redirector.Domain.Config;

namespace Redirector.Properties.Probing;

/// <summary>An expected_response_encoding is accepted at load exactly when probes can decode
/// with it: the original's Python codec names, whatever ran before in the process.</summary>
public class ConfigEncodingTests
{
    static bool Accepted(string encoding) =>
        LbConfigReader.Read("lb.yml", Some.HttpLbYaml.Replace("path: /health",
            $"path: /health\n    expected_response_encoding: {encoding}")).Value.IsSuccess;

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF8")]
    [InlineData("latin-1")]
    [InlineData("latin_1")]
    [InlineData("ascii")]
    [InlineData("utf-16")]
    [InlineData("cp1252")]
    [InlineData("cp437")]
    public void A_python_codec_name_is_accepted(string encoding) =>
        Assert.True(Accepted(encoding), encoding);

    [Theory]
    [InlineData("no-such-codec")]
    [InlineData("utf-99")]
    public void An_unknown_codec_name_is_refused(string encoding) =>
        Assert.False(Accepted(encoding), encoding);
}
