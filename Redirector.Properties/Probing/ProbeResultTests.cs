using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Probing;

/// <summary>A probe result is up with an address or down with a failure; the members every
/// consumer read before read the same from both.</summary>
public class ProbeResultTests
{
    static readonly IpLiteral Address = Some.IpOf("10.0.0.7");
    static readonly TimeSpan Took = TimeSpan.FromMilliseconds(12);

    [Fact]
    public void An_up_result_has_its_address_and_detail()
    {
        ProbeResult up = new ProbeResult.Up(Address, Took, "status 200");
        Assert.Equal((true, "status 200", Some(Address), Took),
            (up.Ok, up.Reason, up.Address, up.Duration));
    }

    [Fact]
    public void A_down_result_has_its_failure_text_and_the_address_tried()
    {
        ProbeResult down = new ProbeResult.Down(
            new Failure(FailureKind.Timeout, "timeout after 2s"), Took, Some(Address));
        Assert.Equal((false, "timeout after 2s", Some(Address), Took),
            (down.Ok, down.Reason, down.Address, down.Duration));
    }

    [Fact]
    public void A_down_result_before_any_address_has_none() =>
        Assert.True(new ProbeResult.Down(new Failure(FailureKind.Dns, "DNS: no such host"), Took)
            .Address.IsNone);

    [Theory]
    [InlineData(FailureKind.Refused, "refused")]
    [InlineData(FailureKind.Unreachable, "unreachable")]
    public void A_failure_without_detail_reads_as_its_class(FailureKind kind, string text) =>
        Assert.Equal(text, new Failure(kind, "").Text);

    [Fact]
    public void Results_are_values() =>
        Assert.Equal(new ProbeResult.Up(Address, Took, "connected"),
            new ProbeResult.Up(Some.IpOf("10.0.0.7"), Took, "connected"));

    [Theory]
    [InlineData(2000, "2s")]
    [InlineData(500, "0.5s")]
    [InlineData(1250, "1.25s")]
    [InlineData(1234.5678, "1.235s")]
    public void Failure_texts_give_seconds_to_the_millisecond(double ms, string text) =>
        Assert.Equal(text, Failure.Seconds(TimeSpan.FromMilliseconds(ms)));
}
