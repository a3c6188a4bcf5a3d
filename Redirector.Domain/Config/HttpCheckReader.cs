using LanguageExt;
using Redirector.Domain.Probing;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads the <c>config</c> of an http check, with the original's defaults.</summary>
static class HttpCheckReader
{
    public static readonly Seq<string> Keys = Seq(
        "method", "headers", "scheme", "port", "path", "query", "timeout", "cacerts",
        "expected_status", "expected_response", "expected_response_encoding", "insecure",
        "max_body_bytes");

    sealed record Request(
        HttpMethodName Method, Seq<(string, string)> Headers, HttpScheme Scheme, int Port,
        string Path, Option<string> Query);

    sealed record Expectation(
        PythonRegex Status, Option<PythonRegex> Response, string Encoding, TimeSpan Timeout,
        Option<string> CaCerts, bool Insecure, int MaxBodyBytes);

    public static ReadResult<HealthCheck.Http> Read(
        Validation<ConfigError, HealthCheckReader.Common> common, Section c)
    {
        var request = (
                c.Optional("method", HttpMethodName.Get, f => f.OneOf("an HTTP method",
                    ("HEAD", HttpMethodName.Head), ("GET", HttpMethodName.Get),
                    ("OPTIONS", HttpMethodName.Options), ("POST", HttpMethodName.Post))),
                c.Optional("headers", Seq<(string, string)>(), HeaderReader.Read),
                c.Optional("scheme", HttpScheme.Http, f => f.OneOf("a scheme",
                    ("http", HttpScheme.Http), ("https", HttpScheme.Https))),
                c.Required("port", f => f.Port()),
                c.Required("path", f => f.Line()),
                c.Maybe("query", f => f.Line()))
            .Apply((method, headers, scheme, port, path, query) =>
                new Request(method, headers, scheme, port, path, query));
        var expectation = (
                c.Optional("expected_status", HealthCheck.Http.DefaultExpectedStatus,
                    RegexRule.Read),
                c.Maybe("expected_response", RegexRule.Read),
                c.Optional("expected_response_encoding", HealthCheck.Http.DefaultEncoding,
                    Encoding),
                c.Optional("timeout", HealthCheck.DefaultTimeout, f => f.Seconds()),
                c.Maybe("cacerts", f => f.Line()),
                c.Optional("insecure", false, f => f.Flag()),
                c.Optional("max_body_bytes", HealthCheck.Http.DefaultMaxBodyBytes,
                    f => f.Int(1, 64 * 1024 * 1024)))
            .Apply((status, response, encoding, timeout, cacerts, insecure, maxBody) =>
                new Expectation(status, response, encoding, timeout, cacerts, insecure, maxBody));
        var http = (common, request, expectation).Apply((m, r, e) => new HealthCheck.Http(
            m.Period, m.Rise, m.Fall, r.Port, e.Timeout, r.Method, r.Headers, r.Scheme, r.Path,
            r.Query, e.CaCerts, e.Status, e.Response, e.Encoding, e.Insecure, e.MaxBodyBytes)
        {
            FastIntervalSetting = m.FastInterval, Watch = m.Watch,
        });
        return new(http, c.UnknownKeys(Keys));
    }

    /// <summary>The body is decoded with this name, so it must be one a probe can decode
    /// with; the original's Python spellings (<c>utf-8</c>, <c>latin-1</c>, <c>ascii</c>,
    /// <c>cp1252</c>) are.</summary>
    static Validation<ConfigError, string> Encoding(Field f) =>
        f.Line().Bind(name => BodyEncoding.Find(name).IsSome
            ? Success<ConfigError, string>(name)
            : f.Fail<string>($"'{Field.Shown(name)}' is not a known text encoding " +
                             "(e.g. utf-8, latin-1, ascii, utf-16)"));
}
