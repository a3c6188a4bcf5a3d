using Redirector.Domain.Config;
using Redirector.Domain.Probing;

namespace Redirector.Properties.Probing;

/// <summary>A check pattern read from an LB file means what it meant to the original, which
/// gave it to Python's <c>re</c>: the pattern the config holds is the one probes run.</summary>
public class ConfigPatternTests
{
    static HealthCheck.Http Check(string key, string pattern)
    {
        var yaml = Some.HttpLbYaml.Replace("path: /health",
            $"path: /health\n    {key}: '{pattern.Replace("'", "''")}'");
        var lb = LbConfigReader.Read("lb.yml", yaml).Value.Match(Succ: l => l,
            Fail: es => throw new Xunit.Sdk.XunitException(string.Join("\n", es)));
        return (HealthCheck.Http)lb.HealthCheck;
    }

    static MatchOutcome Expected(bool found) => found ? MatchOutcome.Found : MatchOutcome.NotFound;

    [Theory]
    [MemberData(nameof(PythonRegexTable.Rows), MemberType = typeof(PythonRegexTable))]
    public void A_body_pattern_from_the_config_searches_as_Python_does(
        string pattern, string text, bool search, bool match)
    {
        _ = match;
        var read = Check("expected_response", pattern).ExpectedResponse
            .IfNone(() => throw new Xunit.Sdk.XunitException("no pattern read"));
        Assert.Equal(Expected(search), read.Search(text));
    }

    [Theory]
    [MemberData(nameof(PythonRegexTable.Rows), MemberType = typeof(PythonRegexTable))]
    public void A_status_pattern_from_the_config_matches_as_Python_does(
        string pattern, string text, bool search, bool match)
    {
        _ = search;
        Assert.Equal(Expected(match),
            Check("expected_status", pattern).ExpectedStatus.MatchAtStart(text));
    }

    [Fact]
    public void The_config_keeps_the_pattern_as_written()
    {
        var check = Check("expected_status", "(?P<c>2)..");
        Assert.Equal("(?P<c>2)..", check.ExpectedStatus.Source);
        Assert.Equal("(?P<c>2)..", check.ExpectedStatus.ToString());
    }
}
