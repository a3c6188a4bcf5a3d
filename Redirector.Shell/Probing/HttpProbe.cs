using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Probing;
using static LanguageExt.Prelude;

namespace Redirector.Shell.Probing;

/// <summary>The HTTP(S) check. Each probe has its own handler and connection, so a pooled
/// keep-alive connection can never hide a listener that died; redirects are not followed,
/// proxies from the environment are not used (the backend itself is what is checked). It only
/// gathers the response; whether it passes is the domain's <see cref="HttpVerdict"/>.</summary>
static class HttpProbe
{
    /// <summary>Bounds what a hostile backend can make a probe hold before its body.</summary>
    public const int MaxHeaderKilobytes = 64;

    /// <summary>The address that answered, what the answer was, and its failure if it does
    /// not pass. Throws when no answer came.</summary>
    public static async Task<(IPAddress Address, string Detail, Option<Failure> Failure)> RunAsync(
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
            var address = connected ?? throw new ProbeFailure(FailureKind.Other,
                "no connection was made");
            var status = (int)response.StatusCode;
            return (address, HttpVerdict.Passed(status),
                await JudgeAsync(check, status, response, ct));
        }
        catch (HttpRequestException) when (tlsProblem is not null)
        {
            throw new ProbeFailure(FailureKind.Tls, tlsProblem);
        }
    }

    static async Task<Option<Failure>> JudgeAsync(
        HealthCheck.Http check, int status, HttpResponseMessage response, CancellationToken ct)
    {
        // The default pattern on a three-digit code costs less than a thread hop.
        var failed = check.ExpectedStatus.Equals(HealthCheck.Http.DefaultExpectedStatus)
            ? HttpVerdict.OfStatus(check, status)
            : await VerdictWork.RunAsync(() => HttpVerdict.OfStatus(check, status), ct);
        if (failed.IsSome) return failed;
        foreach (var pattern in check.ExpectedResponse)
        {
            var bytes = await ReadBodyAsync(check, response, ct);
            return await VerdictWork.RunAsync(() => Decoded(check, bytes).Match(
                Right: body => HttpVerdict.OfBody(check, pattern, body),
                Left: Some), ct);
        }
        return None;
    }

    /// <summary>The body as text. Config load accepts only encodings found here, so the
    /// failure is for checks made some other way.</summary>
    static Either<Failure, ReceivedBody> Decoded(HealthCheck.Http check, ArraySegment<byte> body) =>
        BodyEncoding.Find(check.ExpectedResponseEncoding).Match(
            Some: encoding => Right<Failure, ReceivedBody>(
                new ReceivedBody(encoding.GetString(body), body.Count)),
            None: () => Left<Failure, ReceivedBody>(new Failure(FailureKind.Other,
                $"unknown encoding '{check.ExpectedResponseEncoding}'")));

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
