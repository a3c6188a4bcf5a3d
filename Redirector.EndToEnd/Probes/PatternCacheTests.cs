using Redirector.Shell.Probes;

namespace Redirector.EndToEnd.Probes;

public class PatternCacheTests
{
    [Theory]
    [InlineData("(?P<code>2..)", "(?<code>2..)")]
    [InlineData("(?P<w>ok) (?P=w)", @"(?<w>ok) \k<w>")]
    [InlineData(@"ready\Z", @"ready\z")]
    [InlineData(@"a\\Z", @"a\\Z")]
    [InlineData(@"\(P<x>\)", @"\(P<x>\)")]
    public void Python_only_spellings_are_translated(string python, string dotnet) =>
        Assert.Equal(dotnet, PatternCache.FromPython(python));

    [Fact]
    public void A_pattern_is_compiled_once_and_shared()
    {
        Assert.Same(PatternCache.Body("shared-pattern"), PatternCache.Body("shared-pattern"));
        Assert.NotSame(PatternCache.Body("shared-pattern"), PatternCache.Status("shared-pattern"));
    }

    [Fact]
    public void A_verbose_pattern_ending_in_a_comment_compiles_as_it_did_at_config_load()
    {
        Assert.Matches(PatternCache.Body("(?x) ready # comment"), "ready");
        Assert.Matches(PatternCache.Status("(?x) 2 0 0 # ok"), "200");
    }

    [Fact]
    public void Every_compiled_pattern_has_a_match_timeout() =>
        Assert.Equal(PatternCache.MatchTimeout, PatternCache.Body("(a+)+b").MatchTimeout);

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("UTF8", "utf-8")]
    [InlineData("latin_1", "iso-8859-1")]
    [InlineData("ascii", "us-ascii")]
    [InlineData("cp1252", "windows-1252")]
    public void Python_codec_names_find_a_decoder(string python, string webName) =>
        Assert.Equal(webName, BodyEncodings.Get(python).WebName);
}
