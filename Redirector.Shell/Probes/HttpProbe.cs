using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Redirector.Domain.Config;

namespace Redirector.Shell.Probes;

/// <summary>The HTTP(S) check. Each probe has its own handler and connection, so a pooled
/// keep-alive connection can never hide a listener that died; redirects are not followed,
/// proxies from the environment are not used (the backend itself is what is checked).</summary>
static class HttpProbe
{
    /// <summary>Bounds what a hostile backend can make a probe hold before its body.</summary>
    public const int MaxHeaderKilobytes = 64;

    public static async Task<(IPAddress Address, string Detail)> RunAsync(
        HealthCheck.Http check, string host, Action<IPAddress> onAttempt, CancellationToken ct)
    {
        IPAddress? connected = null;
        string? tlsProblem = null;
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.Zero,
            MaxResponseHeadersLength = MaxHeaderKilobytes,
            SslOptions = TlsTrust.Options(check, problem => tlsProblem = problem),
            ConnectCallback = async (_, token) =>
            {
                var (socket, address) =
                    await Connector.ConnectAsync(host, check.Port, onAttempt, token);
                connected = address;
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = HttpProbeRequest.Create(check, host);
        try
        {
            using var response = await client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = ((int)response.StatusCode).ToString();
            if (!PatternCache.Status(check.ExpectedStatus).IsMatch(status))
                throw new ProbeFailure(
                    check.ExpectedStatus == HealthCheck.Http.DefaultExpectedStatus
                        ? $"status {status}"
                        : $"status {status} did not match '{check.ExpectedStatus}'");
            foreach (var pattern in check.ExpectedResponse)
                await CheckBodyAsync(check, pattern, response, ct);
            var address = connected ?? throw new ProbeFailure("no connection was made");
            return (address, $"status {status}");
        }
        catch (HttpRequestException) when (tlsProblem is not null)
        {
            throw new ProbeFailure(tlsProblem);
        }
    }

    static async Task CheckBodyAsync(
        HealthCheck.Http check, string pattern, HttpResponseMessage response, CancellationToken ct)
    {
        var encoding = BodyEncodings.Get(check.ExpectedResponseEncoding);
        var regex = PatternCache.Body(pattern);
        var buffer = new byte[check.MaxBodyBytes];
        var length = 0;
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        while (length < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) break;
            length += read;
        }
        if (!regex.IsMatch(encoding.GetString(buffer, 0, length)))
            throw new ProbeFailure(length == buffer.Length
                ? $"body did not match '{pattern}' in its first {length} bytes (max_body_bytes)"
                : $"body did not match '{pattern}'");
    }
}
