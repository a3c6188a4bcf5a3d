using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Redirector.Shell.Probes;

namespace Redirector.EndToEnd.Probes;

/// <summary>Failures loopback tests cannot provoke (DNS failures would ask a real resolver).
/// </summary>
public class FailureReasonTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, "refused")]
    [InlineData(SocketError.HostNotFound, "DNS: no such host")]
    [InlineData(SocketError.NoData, "DNS: no such host")]
    [InlineData(SocketError.TryAgain, "DNS: temporary failure")]
    [InlineData(SocketError.NetworkUnreachable, "network unreachable")]
    [InlineData(SocketError.HostUnreachable, "host unreachable")]
    [InlineData(SocketError.ConnectionReset, "connection reset")]
    public void Socket_errors_have_short_reasons(SocketError code, string reason) =>
        Assert.Equal(reason, FailureReason.Of(new SocketException((int)code)));

    [Fact]
    public void Http_errors_say_what_went_wrong_not_how()
    {
        var dns = new HttpRequestException(HttpRequestError.NameResolutionError, "x",
            new SocketException((int)SocketError.HostNotFound));
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "x",
            new SocketException((int)SocketError.ConnectionRefused));
        var tls = new HttpRequestException(HttpRequestError.SecureConnectionError, "x",
            new AuthenticationException("Authentication failed, see inner exception.\nmore"));
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "x");

        Assert.Equal("DNS: no such host", FailureReason.Of(dns));
        Assert.Equal("refused", FailureReason.Of(refused));
        Assert.Equal("TLS: Authentication failed, see inner exception.", FailureReason.Of(tls));
        Assert.Equal("connection closed before a complete response", FailureReason.Of(ended));
    }

    [Fact]
    public void Anything_else_is_named_by_type_on_one_bounded_line()
    {
        var longMessage = new InvalidOperationException(new string('x', 500) + "\nsecond");
        var reason = FailureReason.Of(longMessage);

        Assert.StartsWith("InvalidOperationException: xxx", reason);
        Assert.DoesNotContain("\n", reason);
        Assert.True(reason.Length < 200, reason);
    }

    [Theory]
    [InlineData(2, "timeout after 2s")]
    [InlineData(0.25, "timeout after 0.25s")]
    [InlineData(1.5, "timeout after 1.5s")]
    public void Timeouts_are_given_in_seconds(double seconds, string reason) =>
        Assert.Equal(reason, FailureReason.TimedOut(TimeSpan.FromSeconds(seconds)));
}
