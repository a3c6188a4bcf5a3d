using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Probing;

/// <summary>Turns whatever a probe threw into a failure: its class, decided here where the
/// exception says what happened, and the short reason an operator reads in the log
/// ("refused", "timeout after 2s", "DNS: no such host").</summary>
static class FailureReason
{
    const int MaxLength = 160;

    public static Failure TimedOut(TimeSpan timeout) =>
        new(FailureKind.Timeout, $"timeout after {Failure.Seconds(timeout)}");

    /// <summary>The name was still being resolved when the probe's timeout came.</summary>
    public static Failure DnsTimedOut(TimeSpan timeout) =>
        new(FailureKind.Dns, $"DNS timeout after {Failure.Seconds(timeout)}");

    public static Failure Of(Exception e) => e switch
    {
        ProbeFailure f => f.Failure,
        // Whatever code carried it (ECONNRESET, or EPIPE after the peer's FIN), the peer reset
        // a connection it had accepted.
        ResetAfterConnect => new(FailureKind.Reset, "connection reset"),
        SocketException s => OfSocket(s.SocketErrorCode),
        HttpRequestException h => OfHttp(h),
        AuthenticationException a => Tls(a),
        RegexMatchTimeoutException =>
            new(FailureKind.Other, "regex took too long (match timeout)"),
        IOException { InnerException: { } inner } => Of(inner),
        _ => Unforeseen($"{e.GetType().Name}: {FirstLine(e.Message)}"),
    };

    static Failure OfHttp(HttpRequestException h) => h.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => new(FailureKind.Dns, "DNS: no such host"),
        HttpRequestError.SecureConnectionError => h.InnerException switch
        {
            AuthenticationException a => Tls(a),
            { } inner => Of(inner),
            null => new(FailureKind.Tls, "TLS: handshake failed"),
        },
        HttpRequestError.ResponseEnded =>
            new(FailureKind.Reset, "connection closed before a complete response"),
        HttpRequestError.InvalidResponse => new(FailureKind.Other, "invalid HTTP response"),
        HttpRequestError.ConfigurationLimitExceeded => new(FailureKind.Other,
            $"response headers larger than {HttpProbe.MaxHeaderKilobytes} KB"),
        _ when h.InnerException is { } inner => Of(inner),
        _ => Unforeseen(FirstLine(h.Message)),
    };

    static Failure OfSocket(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => new(FailureKind.Refused, "refused"),
        SocketError.HostNotFound or SocketError.NoData =>
            new(FailureKind.Dns, "DNS: no such host"),
        SocketError.TryAgain => new(FailureKind.Dns, "DNS: temporary failure"),
        SocketError.TimedOut => new(FailureKind.Timeout, "timeout (connect)"),
        SocketError.NetworkUnreachable => new(FailureKind.Unreachable, "network unreachable"),
        SocketError.HostUnreachable => new(FailureKind.Unreachable, "host unreachable"),
        SocketError.ConnectionReset => new(FailureKind.Reset, "connection reset"),
        // A probe uses only sockets it connected: ENOTCONN means the peer's reset or close
        // took the connection away (seen from an HTTP check of an accept-and-reset peer).
        SocketError.NotConnected => new(FailureKind.Reset, "connection closed by the peer"),
        SocketError.AddressFamilyNotSupported =>
            new(FailureKind.Other, "address family not supported"),
        SocketError.AddressNotAvailable => new(FailureKind.Other, "address not available"),
        _ => new(FailureKind.Other, $"socket error {code}"),
    };

    static Failure Tls(AuthenticationException a) =>
        new(FailureKind.Tls, "TLS: " + FirstLine(a.Message));

    /// <summary>An exception no case above foresaw: only its message says what happened, so
    /// the words that name a lost connection decide the class, as they did for metrics before
    /// failures had classes.</summary>
    static Failure Unforeseen(string text) => new(
        text.Contains("reset", StringComparison.Ordinal)
        || text.Contains("closed", StringComparison.Ordinal) ? FailureKind.Reset
        : text.Contains("unreachable", StringComparison.Ordinal) ? FailureKind.Unreachable
        : FailureKind.Other,
        text);

    static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= MaxLength ? line : line[..MaxLength] + "...";
    }
}
