using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using Redirector.Domain.Decision;
using Redirector.Shell.Observing;
using Redirector.Shell.Probing;

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
    [InlineData(SocketError.NotConnected, "connection closed by the peer")]
    public void Socket_errors_have_short_reasons(SocketError code, string reason) =>
        Assert.Equal(reason, FailureReason.Of(new SocketException((int)code)).Text);

    /// <summary>A reset that beat the connect's completion reaches an HTTP check from its
    /// connect callback; EPIPE (the peer's FIN, then its reset) cannot be timed on loopback.
    /// </summary>
    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.Shutdown)]
    public void A_reset_after_the_handshake_is_a_reset(SocketError code)
    {
        var reset = new ResetAfterConnect(System.Net.IPAddress.Loopback,
            new SocketException((int)code));
        var wrapped = new HttpRequestException(HttpRequestError.ConnectionError, "x", reset);

        Assert.Equal(new Failure(FailureKind.Reset, "connection reset"), FailureReason.Of(wrapped));
    }

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

        Assert.Equal("DNS: no such host", FailureReason.Of(dns).Text);
        Assert.Equal("refused", FailureReason.Of(refused).Text);
        Assert.Equal("TLS: Authentication failed, see inner exception.",
            FailureReason.Of(tls).Text);
        Assert.Equal("connection closed before a complete response",
            FailureReason.Of(ended).Text);
    }

    [Fact]
    public void Anything_else_is_named_by_type_on_one_bounded_line()
    {
        var longMessage = new InvalidOperationException(new string('x', 500) + "\nsecond");
        var reason = FailureReason.Of(longMessage).Text;

        Assert.StartsWith("InvalidOperationException: xxx", reason);
        Assert.DoesNotContain("\n", reason);
        Assert.True(reason.Length < 200, reason);
    }

    [Theory]
    [InlineData(2, "timeout after 2s")]
    [InlineData(0.25, "timeout after 0.25s")]
    [InlineData(1.5, "timeout after 1.5s")]
    public void Timeouts_are_given_in_seconds(double seconds, string reason) =>
        Assert.Equal(reason, FailureReason.TimedOut(TimeSpan.FromSeconds(seconds)).Text);

    /// <summary>Every failure the shell can make, from every exception it maps.</summary>
    public static TheoryData<string> Failures()
    {
        var socket = Enum.GetValues<SocketError>().Select(c => new SocketException((int)c));
        var http = Enum.GetValues<HttpRequestError>().SelectMany(e => new Exception[]
        {
            new HttpRequestException(e, "An error occurred while sending the request."),
            new HttpRequestException(e, "x", new SocketException((int)SocketError.ConnectionReset)),
            new HttpRequestException(e, "x", new AuthenticationException("bad chain")),
            new HttpRequestException(e, "x", new IOException("The connection was closed")),
        });
        var others = new Exception[]
        {
            new AuthenticationException("Authentication failed"),
            new RegexMatchTimeoutException(),
            new IOException("x", new SocketException((int)SocketError.ConnectionRefused)),
            new IOException("Unable to read: Connection reset by peer"),
            new IOException("The response ended: connection closed"),
            new InvalidOperationException("the network is unreachable"),
            new ProbeFailure(FailureKind.Dns, "DNS: no address"),
            new ProbeFailure(FailureKind.Tls, "TLS: certificate not trusted"),
            new ProbeFailure(FailureKind.Other, "header 'x' cannot be sent"),
        };
        var all = socket.Concat(http).Concat(others).Select(FailureReason.Of)
            .Concat([FailureReason.TimedOut(TimeSpan.FromSeconds(2)),
                FailureReason.DnsTimedOut(TimeSpan.FromSeconds(2)), Probe.Cancelled]);
        var data = new TheoryData<string>();
        foreach (var f in all.DistinctBy(f => f.Text)) data.Add($"{f.Kind}|{f.Text}");
        return data;
    }

    /// <summary>A failure's class gives the metric label its text gave before failures had
    /// classes; the oracle is the former sorting of reason texts by their words.</summary>
    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failures_class_keeps_the_metric_label_its_text_had(string failure)
    {
        var bar = failure.IndexOf('|');
        var (kind, text) = (Enum.Parse<FailureKind>(failure[..bar]), failure[(bar + 1)..]);

        Assert.Equal(FormerLabel(text), ReasonClass.Of(kind));
    }

    static string FormerLabel(string reason) => reason switch
    {
        _ when reason.StartsWith("refused", StringComparison.Ordinal) => "refused",
        _ when reason.StartsWith("timeout", StringComparison.Ordinal) => "timeout",
        _ when reason.StartsWith("DNS", StringComparison.Ordinal) => "dns",
        _ when reason.StartsWith("TLS", StringComparison.Ordinal) => "tls",
        _ when reason.StartsWith("status", StringComparison.Ordinal) => "status",
        _ when reason.StartsWith("body", StringComparison.Ordinal) => "body",
        _ when reason.Contains("reset", StringComparison.Ordinal)
               || reason.Contains("closed", StringComparison.Ordinal) => "reset",
        _ when reason.Contains("unreachable", StringComparison.Ordinal) => "unreachable",
        _ => "other",
    };
}
