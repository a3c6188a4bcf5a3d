using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;
using Redirector.Domain.Probing;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Canonical config values and texts; tests vary them with <c>with</c> or by editing
/// one line.</summary>
public static partial class Some
{
    public const string TcpLbYaml = """
        name: minio
        local_host: minio.internal
        backend_hosts:
          - 10.0.0.1
          - 10.0.0.2
        strategy: sequential
        healthcheck:
          type: tcp
          period: 5
          config:
            port: 9000

        """;

    public const string HttpLbYaml = """
        name: search
        local_host: search.internal
        backend_hosts:
          - 10.0.1.1
        strategy: random
        healthcheck:
          type: http
          period: 2
          config:
            port: 9200
            path: /health

        """;

    /// <summary>A check pattern, as config load reads it.</summary>
    public static PythonRegex Pattern(string python) =>
        PythonRegex.Create(python).Match(p => p, why => throw new ArgumentException(why));

    public static HostName Host(string name) =>
        HostName.Create(name).Match(Succ: h => h, Fail: e => throw new ArgumentException(e.Head));

    public static readonly LbConfig TcpLb = new(
        "minio", "lb.yml", Host("minio.internal"), Empty,
        Seq(new Backend("10.0.0.1", 0), new Backend("10.0.0.2", 0)),
        new Strategy.Sequential(),
        new HealthCheck.Tcp(TimeSpan.FromSeconds(5), 1, 1, 9000, TimeSpan.FromSeconds(10)),
        OnAllDown.Keep);

    public static readonly HealthCheck.Http HttpCheck = new(
        TimeSpan.FromSeconds(2), 1, 1, 9200, TimeSpan.FromSeconds(10), HttpMethodName.Get,
        Empty, HttpScheme.Http, "/health", None, None, Pattern("200"), None, "utf-8", false,
        65536);

    public static readonly MainConfig MainDefaults = new(
        LogLevelName.Info, MainConfig.DefaultLogFormat, None, MainConfig.DefaultLogFileMaxBytes,
        MainConfig.DefaultLogFileMaxBackups, "/etc/redirector/lb_configs", true, None,
        MainConfig.DefaultHostsFile, None, None);
}
