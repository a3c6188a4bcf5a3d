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
                var stream = new NetworkStream(socket, ownsSocket: true);
                return check.Scheme == HttpScheme.Https ? new PoolReadStream(stream) : stream;
            },
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = HttpProbeRequest.Create(check, host);
        try
        {
            using var response = await client.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = ((int)response.StatusCode).ToString();
            // The default pattern on a three-digit code costs less than a thread hop.
            Fail(check.ExpectedStatus == HealthCheck.Http.DefaultExpectedStatus
                ? HttpVerdict.Status(check, status)
                : await VerdictWork.RunAsync(() => HttpVerdict.Status(check, status), ct));
            foreach (var pattern in check.ExpectedResponse)
            {
                var body = await ReadBodyAsync(check, response, ct);
                Fail(await VerdictWork.RunAsync(() => HttpVerdict.Body(check, pattern, body), ct));
            }
            var address = connected ?? throw new ProbeFailure("no connection was made");
            return (address, $"status {status}");
        }
        catch (HttpRequestException) when (tlsProblem is not null)
        {
            throw new ProbeFailure(tlsProblem);
        }
    }

    static void Fail(string? problem)
    {
        if (problem is not null) throw new ProbeFailure(problem);
    }

    /// <summary>At most max_body_bytes: what the body regex is searched in.</summary>
    static async Task<ArraySegment<byte>> ReadBodyAsync(
        HealthCheck.Http check, HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new byte[check.MaxBodyBytes];
        var length = 0;
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        while (length < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) break;
            length += read;
        }
        return new ArraySegment<byte>(buffer, 0, length);
    }
}
