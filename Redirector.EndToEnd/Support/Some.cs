using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;
using Redirector.Domain.Probing;
using static LanguageExt.Prelude;

namespace Redirector.EndToEnd.Support;

/// <summary>Canonical config values for tests; variations with <c>with</c>.</summary>
public static class Some
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    public static HealthCheck.Tcp Tcp(
        int port, double timeoutSeconds = 5, double periodSeconds = 1) =>
        new(TimeSpan.FromSeconds(periodSeconds), 1, 1, port, TimeSpan.FromSeconds(timeoutSeconds));

    public static HealthCheck.Http Http(
        int port, double timeoutSeconds = 5, double periodSeconds = 1) =>
        new(TimeSpan.FromSeconds(periodSeconds), 1, 1, port, TimeSpan.FromSeconds(timeoutSeconds),
            HttpMethodName.Get, Seq<(string, string)>(), HttpScheme.Http, "/health", None, None,
            HealthCheck.Http.DefaultExpectedStatus, None, HealthCheck.Http.DefaultEncoding,
            Insecure: false, HealthCheck.Http.DefaultMaxBodyBytes);

    /// <summary>A check pattern, as config load would have read it.</summary>
    public static PythonRegex Pattern(string python) =>
        PythonRegex.Create(python).Match(p => p, why => throw new ArgumentException(why));

    /// <summary>An expected_response.</summary>
    public static Option<PythonRegex> Body(string python) => Prelude.Some(Pattern(python));

    public static HostName Name(string text) =>
        HostName.Create(text).Match(n => n, errors => throw new ArgumentException(errors.Head));

    public static LbConfig Lb(string name, HealthCheck check, params string[] backends) =>
        new(name, $"lb_configs/{name}.yml", Name($"{name}.test"), Seq<HostName>(),
            toSeq(backends.Select(b => new Backend(b, Backend.DefaultPriority))),
            new Strategy.Sequential(), check, OnAllDown.Keep);

    public static MainConfig MainFor(string hostsFile) =>
        new(LogLevelName.Info, MainConfig.DefaultLogFormat, None, MainConfig.DefaultLogFileMaxBytes,
            MainConfig.DefaultLogFileMaxBackups, "lb_configs", PersistHostsBlock: true, None,
            hostsFile, None, None);

    public static Configuration Config(params LbConfig[] lbs) =>
        new(MainFor("/nonexistent/hosts"), toMap(lbs.Select(lb => (lb.Name, lb))));
}
