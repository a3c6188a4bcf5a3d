using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;

namespace Redirector.Shell.Probes;

/// <summary>Turns whatever a probe threw into the short reason an operator reads in the log
/// ("refused", "timeout after 2s", "DNS: no such host").</summary>
static class FailureReason
{
    const int MaxLength = 160;

    public static string TimedOut(TimeSpan timeout) => $"timeout after {Seconds(timeout)}";

    /// <summary>The name was still being resolved when the probe's timeout came.</summary>
    public static string DnsTimedOut(TimeSpan timeout) => $"DNS timeout after {Seconds(timeout)}";

    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    public static string Of(Exception e) => e switch
    {
        ProbeFailure f => f.Message,
        SocketException s => OfSocket(s.SocketErrorCode),
        HttpRequestException h => OfHttp(h),
        AuthenticationException a => "TLS: " + FirstLine(a.Message),
        RegexMatchTimeoutException => "regex took too long (match timeout)",
        IOException { InnerException: { } inner } => Of(inner),
        _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
    };

    static string OfHttp(HttpRequestException h) => h.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "DNS: no such host",
        HttpRequestError.SecureConnectionError => h.InnerException is { } inner
            ? (inner is AuthenticationException a ? "TLS: " + FirstLine(a.Message) : Of(inner))
            : "TLS: handshake failed",
        HttpRequestError.ResponseEnded => "connection closed before a complete response",
        HttpRequestError.InvalidResponse => "invalid HTTP response",
        HttpRequestError.ConfigurationLimitExceeded =>
            $"response headers larger than {HttpProbe.MaxHeaderKilobytes} KB",
        _ when h.InnerException is { } inner => Of(inner),
        _ => FirstLine(h.Message),
    };

    static string OfSocket(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => "refused",
        SocketError.HostNotFound or SocketError.NoData => "DNS: no such host",
        SocketError.TryAgain => "DNS: temporary failure",
        SocketError.TimedOut => "timeout (connect)",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.ConnectionReset => "connection reset",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        SocketError.AddressNotAvailable => "address not available",
        _ => $"socket error {code}",
    };

    static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= MaxLength ? line : line[..MaxLength] + "...";
    }
}
