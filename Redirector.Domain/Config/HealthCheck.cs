using LanguageExt;
using Redirector.Domain.Probing;

namespace Redirector.Domain.Config;

/// <summary>How and how often backends are probed. Rise and Fall are consecutive results
/// needed to mark a backend up or down; the first result decides directly.</summary>
public abstract record HealthCheck(TimeSpan Period, int Rise, int Fall, int Port, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public sealed record Tcp(TimeSpan Period, int Rise, int Fall, int Port, TimeSpan Timeout)
        : HealthCheck(Period, Rise, Fall, Port, Timeout);

    public sealed record Http(
        TimeSpan Period, int Rise, int Fall, int Port, TimeSpan Timeout,
        HttpMethodName Method,
        Seq<(string Name, string Value)> Headers,
        HttpScheme Scheme,
        string Path,
        Option<string> Query,
        Option<string> CaCerts,
        PythonRegex ExpectedStatus,
        Option<PythonRegex> ExpectedResponse,
        string ExpectedResponseEncoding,
        bool Insecure,
        int MaxBodyBytes)
        : HealthCheck(Period, Rise, Fall, Port, Timeout)
    {
        public static readonly PythonRegex DefaultExpectedStatus = PythonRegex.Known("200");
        public const string DefaultEncoding = "utf-8";
        public const int DefaultMaxBodyBytes = 65536;
    }
}

public enum HttpMethodName { Get, Head, Options, Post }

public enum HttpScheme { Http, Https }
