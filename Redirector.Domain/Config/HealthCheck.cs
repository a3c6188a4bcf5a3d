using LanguageExt;
using Redirector.Domain.Probing;

namespace Redirector.Domain.Config;

/// <summary>How and how often backends are probed. Rise and Fall are consecutive results
/// needed to mark a backend up or down; the first result decides directly.</summary>
public abstract record HealthCheck(TimeSpan Period, int Rise, int Fall, int Port, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest default gap between the extra probes of a changing backend.</summary>
    public static readonly TimeSpan MaxDefaultFastInterval = TimeSpan.FromMilliseconds(250);

    /// <summary><c>fast_interval</c> as written; None: the default.</summary>
    public Option<TimeSpan> FastIntervalSetting { get; init; }

    /// <summary>The gap between the extra probes of a backend whose health is changing (a failure
    /// of an up backend before <c>fall</c>, a success of a down one before <c>rise</c>):
    /// <c>fast_interval</c>, else min(period / 4, 250 ms).</summary>
    public TimeSpan FastInterval => FastIntervalSetting.IfNone(() =>
        Period / 4 < MaxDefaultFastInterval ? Period / 4 : MaxDefaultFastInterval);

    /// <summary><c>watch</c>: keep one idle TCP connection to each backend and probe it at once
    /// when that connection ends.</summary>
    public bool Watch { get; init; } = true;

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
