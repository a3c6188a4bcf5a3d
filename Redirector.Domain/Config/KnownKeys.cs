using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Every key the readers know, by the dotted path of the mapping that holds it, so
/// the editor schemas can be checked against the readers rather than against a copy.</summary>
public static class KnownKeys
{
    public const string Backend = "backend_hosts[]";
    public const string HealthCheck = "healthcheck";
    public const string TcpConfig = "healthcheck.config(tcp)";
    public const string HttpConfig = "healthcheck.config(http)";

    public static Seq<string> Main => MainConfigReader.Keys;

    /// <summary>The LB file: "" is the top level, then its nested mappings.</summary>
    public static Map<string, Seq<string>> Lb => Map(
        ("", LbConfigReader.Keys),
        (Backend, BackendReader.EntryKeys),
        (HealthCheck, HealthCheckReader.Keys),
        (TcpConfig, HealthCheckReader.TcpKeys),
        (HttpConfig, HttpCheckReader.Keys));
}
