using System.Globalization;
using LanguageExt;
using Redirector.Domain.Config;
using static Redirector.Properties.Config.YamlTree;

namespace Redirector.Properties.Config;

/// <summary>How a config is spelled: the same LB can be written in several ways that must
/// all read back the same (defaults written or left out, the original's list forms).</summary>
public sealed record LbStyle(
    bool WriteDefaults, bool LocalHostAsList, bool BackendsAsMappings, bool HeadersAsList);

/// <summary>Renders an LbConfig as the YAML a user would write, for round trips.</summary>
public static class LbYaml
{
    public static YamlTree Tree(LbConfig lb, LbStyle style)
    {
        var entries = new List<(string, YamlTree)>
        {
            ("name", Str(lb.Name)),
            ("local_host", lb.Aliases.IsEmpty && !style.LocalHostAsList
                ? Str(lb.LocalHost.Value)
                : Items(new[] { Str(lb.LocalHost.Value) }
                    .Concat(lb.Aliases.Map(a => Str(a.Value))).ToArray())),
            ("backend_hosts", Items(lb.Backends.Map(b => Backend(b, style)).ToArray())),
            ("strategy", Plain(lb.Strategy.Kind.ToString().ToLowerInvariant())),
        };
        if (lb.Strategy is Strategy.Latency latency)
        {
            Optional(entries, style, "latency_margin_ratio", Number(latency.MarginRatio),
                latency.MarginRatio == Strategy.Latency.DefaultMarginRatio);
            Optional(entries, style, "latency_margin_ms", Number(latency.MarginMs),
                latency.MarginMs == Strategy.Latency.DefaultMarginMs);
        }
        Optional(entries, style, "on_all_down", Plain(lb.OnAllDown.ToString().ToLowerInvariant()),
            lb.OnAllDown == OnAllDown.Keep);
        entries.Add(("healthcheck", Check(lb.HealthCheck, style)));
        return Keys(entries.ToArray());
    }

    public static string Render(LbConfig lb, LbStyle style) => Tree(lb, style).Render();

    static YamlTree Backend(Backend b, LbStyle style) =>
        style.BackendsAsMappings || b.Priority != Domain.Config.Backend.DefaultPriority
            ? Keys(("host", Str(b.Host)), ("priority", Int(b.Priority)))
            : Str(b.Host);

    static YamlTree Check(HealthCheck check, LbStyle style)
    {
        var entries = new List<(string, YamlTree)>
        {
            ("type", Plain(check is HealthCheck.Http ? "http" : "tcp")),
            ("period", Seconds(check.Period)),
        };
        Optional(entries, style, "rise", Int(check.Rise), check.Rise == 1);
        Optional(entries, style, "fall", Int(check.Fall), check.Fall == 1);
        check.FastIntervalSetting.IfSome(f => entries.Add(("fast_interval", Seconds(f))));
        Optional(entries, style, "watch", Plain(check.Watch ? "true" : "false"), check.Watch);
        var config = new List<(string, YamlTree)> { ("port", Int(check.Port)) };
        Optional(config, style, "timeout", Seconds(check.Timeout),
            check.Timeout == HealthCheck.DefaultTimeout);
        if (check is HealthCheck.Http http) HttpConfig(http, style, config);
        entries.Add(("config", Keys(config.ToArray())));
        return Keys(entries.ToArray());
    }

    static void HttpConfig(HealthCheck.Http h, LbStyle style, List<(string, YamlTree)> config)
    {
        config.Add(("path", Str(h.Path)));
        Optional(config, style, "method", Plain(h.Method.ToString().ToUpperInvariant()),
            h.Method == HttpMethodName.Get);
        Optional(config, style, "scheme", Plain(h.Scheme.ToString().ToLowerInvariant()),
            h.Scheme == HttpScheme.Http);
        if (!h.Headers.IsEmpty || style.WriteDefaults)
            config.Add(("headers", style.HeadersAsList
                ? Items(h.Headers.Map(x => Keys((x.Name, Str(x.Value)))).ToArray())
                : Keys(h.Headers.Map(x => (x.Name, Str(x.Value))).ToArray())));
        h.Query.IfSome(q => config.Add(("query", Str(q))));
        h.CaCerts.IfSome(c => config.Add(("cacerts", Str(c))));
        Optional(config, style, "expected_status", Str(h.ExpectedStatus.Source),
            h.ExpectedStatus.Equals(HealthCheck.Http.DefaultExpectedStatus));
        h.ExpectedResponse.IfSome(r => config.Add(("expected_response", Str(r.Source))));
        Optional(config, style, "expected_response_encoding", Str(h.ExpectedResponseEncoding),
            h.ExpectedResponseEncoding == HealthCheck.Http.DefaultEncoding);
        Optional(config, style, "insecure", Plain(h.Insecure ? "true" : "false"), !h.Insecure);
        Optional(config, style, "max_body_bytes", Int(h.MaxBodyBytes),
            h.MaxBodyBytes == HealthCheck.Http.DefaultMaxBodyBytes);
    }

    static void Optional(List<(string, YamlTree)> entries, LbStyle style, string key,
        YamlTree value, bool isDefault)
    {
        if (style.WriteDefaults || !isDefault) entries.Add((key, value));
    }

    static YamlTree Int(int n) => Plain(n.ToString(CultureInfo.InvariantCulture));

    static YamlTree Number(double x) => Plain(x.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Whole milliseconds written as exact decimal seconds.</summary>
    static YamlTree Seconds(TimeSpan t) =>
        Plain(((decimal)t.TotalMilliseconds / 1000m).ToString(CultureInfo.InvariantCulture));
}
