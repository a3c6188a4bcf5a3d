using FsCheck;
using FsCheck.Fluent;
using Redirector.Domain.Config;
using static Redirector.Properties.Config.YamlTree;

namespace Redirector.Properties.Config;

/// <summary>One field of a valid LB made invalid (or removed), and the field path the single
/// resulting error must name.</summary>
public sealed record Mutation(string Path, YamlTree? Value, string Why)
{
    public override string ToString() => $"{Path} <- {Why}";

    static Mutation Set(string path, YamlTree value, string why) => new(path, value, why);
    static Mutation Remove(string path) => new(path, null, "removed");

    static readonly Mutation[] Any =
    [
        Remove("name"),
        Set("name", Str(""), "empty"),
        Set("name", Str("a\nb"), "newline"),
        Remove("local_host"),
        Set("local_host", Str("bad host"), "space"),
        Set("local_host", Str("bad#host"), "#"),
        Set("local_host", Items(), "empty list"),
        Remove("backend_hosts"),
        Set("backend_hosts", Items(), "empty list"),
        Set("backend_hosts", Str("10.0.0.1"), "not a list"),
        Set("backend_hosts[0]", Str("not a host!"), "bad host"),
        Set("backend_hosts[0]", Keys(("priority", Plain("1"))), "no host"),
        Remove("strategy"),
        Set("strategy", Plain("fastest"), "unknown"),
        Set("latency_margin_ratio", Plain("-1"), "negative"),
        Set("latency_margin_ms", Plain("fast"), "not a number"),
        Set("on_all_down", Plain("drop"), "unknown"),
        Remove("healthcheck"),
        Set("healthcheck", Items(), "a list"),
        Set("healthcheck.type", Plain("udp"), "unknown"),
        Remove("healthcheck.type"),
        Set("healthcheck.period", Plain("0"), "zero"),
        Set("healthcheck.period", Plain("-3"), "negative"),
        Remove("healthcheck.period"),
        Set("healthcheck.rise", Plain("0"), "zero"),
        Set("healthcheck.fall", Plain("often"), "not a number"),
        Remove("healthcheck.config"),
        Set("healthcheck.config.port", Plain("0"), "zero"),
        Set("healthcheck.config.port", Plain("70000"), "too big"),
        Remove("healthcheck.config.port"),
        Set("healthcheck.config.timeout", Plain("0"), "zero"),
    ];

    static readonly Mutation[] HttpOnly =
    [
        Remove("healthcheck.config.path"),
        Set("healthcheck.config.method", Plain("PUT"), "unknown"),
        Set("healthcheck.config.scheme", Plain("ftp"), "unknown"),
        Set("healthcheck.config.expected_status", Str("("), "bad regex"),
        Set("healthcheck.config.expected_response", Str("[a-"), "bad regex"),
        Set("healthcheck.config.headers", Str("Accept"), "not a mapping"),
        Set("healthcheck.config.insecure", Plain("maybe"), "not a boolean"),
        Set("healthcheck.config.max_body_bytes", Plain("0"), "zero"),
        Set("healthcheck.config.expected_response_encoding", Str("klingon"), "unknown"),
    ];

    /// <summary>The field an error names: a removed list entry's path is its list's.</summary>
    public string ExpectedField => Path switch
    {
        "backend_hosts[0]" when Value is Map => "backend_hosts[0].host",
        _ => Path,
    };

    public static Gen<Mutation> For(LbConfig lb) =>
        Gen.Elements(lb.HealthCheck is HealthCheck.Http ? [.. Any, .. HttpOnly] : Any);
}
