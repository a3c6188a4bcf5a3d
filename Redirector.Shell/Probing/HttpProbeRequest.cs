using System.Net.Http;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Probing;

/// <summary>The request an HTTP check sends: method, URL from scheme/host/port/path/query, and
/// the configured headers (a Host header names the virtual host and the TLS server name).</summary>
static class HttpProbeRequest
{
    public static HttpRequestMessage Create(HealthCheck.Http check, string host)
    {
        var request = new HttpRequestMessage(Method(check.Method), Url(check, host));
        request.Headers.ConnectionClose = true;
        if (check.Method == HttpMethodName.Post)
            request.Content = new ByteArrayContent([]);
        foreach (var (name, value) in check.Headers)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
                request.Headers.Host = value;
            else if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                // Content-Type and friends belong to the content, even an empty one.
                request.Content ??= new ByteArrayContent([]);
                if (!request.Content.Headers.TryAddWithoutValidation(name, value))
                    throw new ProbeFailure(FailureKind.Other,
                        $"header '{name}' cannot be sent");
            }
        }
        return request;
    }

    static Uri Url(HealthCheck.Http check, string host)
    {
        var scheme = check.Scheme == HttpScheme.Https ? "https" : "http";
        var authority = host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host;
        var path = check.Path.StartsWith('/') ? check.Path : "/" + check.Path;
        var query = check.Query.Match(q => "?" + q.TrimStart('?'), () => "");
        var text = $"{scheme}://{authority}:{check.Port}{path}{query}";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new ProbeFailure(FailureKind.Other, $"invalid URL {text}");
    }

    static HttpMethod Method(HttpMethodName method) => method switch
    {
        HttpMethodName.Head => HttpMethod.Head,
        HttpMethodName.Options => HttpMethod.Options,
        HttpMethodName.Post => HttpMethod.Post,
        _ => HttpMethod.Get,
    };
}
