using LanguageExt;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using Redirector.Shell.Observing;
using static LanguageExt.Prelude;

namespace Redirector.EndToEnd.Running;

/// <summary>Each kind of redirect in its own words; the address only when the backend is a
/// host name.</summary>
public sealed class RedirectTextTests
{
    [Theory]
    [InlineData(RedirectKind.Chosen, null, "10.0.0.2",
        "10.0.0.2 chosen (first healthy in list order)")]
    [InlineData(RedirectKind.Chosen, null, "db2.lan",
        "db2.lan (10.0.0.2) chosen (first healthy in list order)")]
    [InlineData(RedirectKind.Kept, null, "10.0.0.2",
        "kept 10.0.0.2 from the existing block")]
    [InlineData(RedirectKind.Moved, "10.0.0.1", "10.0.0.2",
        "10.0.0.1 -> 10.0.0.2: first healthy in list order")]
    [InlineData(RedirectKind.Recovered, "10.0.0.1", "10.0.0.2",
        "10.0.0.2 chosen after all backends were down (first healthy in list order)")]
    [InlineData(RedirectKind.Readdressed, "db2.lan", "db2.lan",
        "db2.lan now at 10.0.0.2 (its address changed)")]
    public void Says_what_happened(RedirectKind kind, string? from, string to, string expected)
    {
        var redirect = new Effect.Redirected(0, "db", Optional(from), to,
            (IpLiteral)IpLiteral.TryParse("10.0.0.2"), "first healthy in list order", kind);
        Assert.Equal(expected, RedirectText.Describe(redirect));
    }
}
