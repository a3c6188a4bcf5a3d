using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

public class IpLiteralExamples
{
    [Theory]
    [InlineData("010.0.0.1")]      // octal to some resolvers: 8.0.0.1
    [InlineData("1.2.3")]          // IPAddress reads it as 1.2.0.3
    [InlineData("1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("256.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::1]:80")]
    [InlineData("fe80::1%eth0")]
    [InlineData(" 10.0.0.1")]
    [InlineData("")]
    [InlineData(null)]
    public void Ambiguous_or_decorated_addresses_are_refused(string? text) =>
        Assert.True(IpLiteral.Create(text).IsFail);

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", false)]
    [InlineData("0.0.0.0", "0.0.0.0", false)]
    [InlineData("FD00:0:0:0:0:0:1:2", "fd00::1:2", true)]
    [InlineData("::FFFF:10.0.0.1", "::ffff:10.0.0.1", true)]
    public void Addresses_are_kept_in_canonical_form(string text, string value, bool isV6)
    {
        var address = Some.IpOf(text);
        Assert.Equal((value, isV6), (address.Value, address.IsV6));
    }
}
