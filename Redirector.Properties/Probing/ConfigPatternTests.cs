using System.Text.RegularExpressions;
using Redirector.Domain.Config;

namespace Redirector.Properties.Probing;

/// <summary>A check pattern read from an LB file means what it meant to the original, which
/// gave it to Python's <c>re</c>.</summary>
public class ConfigPatternTests
{
    static string BodyPattern(string pattern)
    {
        var yaml = Some.HttpLbYaml.Replace("path: /health",
            $"path: /health\n    expected_response: '{pattern.Replace("'", "''")}'");
        var lb = LbConfigReader.Read("lb.yml", yaml).Value.Match(Succ: l => l,
            Fail: es => throw new Xunit.Sdk.XunitException(string.Join("\n", es)));
        return ((HealthCheck.Http)lb.HealthCheck).ExpectedResponse
            .IfNone(() => throw new Xunit.Sdk.XunitException("no pattern read"));
    }

    [Theory]
    [MemberData(nameof(PythonRegexTable.Rows), MemberType = typeof(PythonRegexTable))]
    public void A_body_pattern_from_the_config_searches_as_Python_does(
        string pattern, string text, bool search, bool match)
    {
        _ = match;
        Assert.Equal(search, Regex.IsMatch(text, BodyPattern(pattern)));
    }
}
