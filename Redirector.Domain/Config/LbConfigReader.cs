using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads one LB file of lb_configs_dir into a validated LbConfig, reporting every
/// mistake of the file at once.</summary>
public static class LbConfigReader
{
    public static readonly Seq<string> Keys = Seq(
        "name", "local_host", "backend_hosts", "strategy", "healthcheck", "on_all_down",
        StrategyReader.RatioKey, StrategyReader.MsKey);

    public static ReadResult<LbConfig> Read(string file, string text) =>
        ReadPositioned(file, text).Map(p => p.Lb);

    public static ReadResult<PositionedLb> ReadPositioned(string file, string text) =>
        Guard.Run(file, () => Document.Read(file, text).Match(
            Succ: section => section.Match(
                Some: s => FromSection(file, s),
                None: () => new ReadResult<PositionedLb>(
                    Fail<ConfigError, PositionedLb>(new ConfigError(file, 1, 1, "",
                        "the file is empty; a load balancer needs name, local_host, " +
                        "backend_hosts, strategy and healthcheck")),
                    Empty)),
            Fail: es => new ReadResult<PositionedLb>(es, Empty)));

    static ReadResult<PositionedLb> FromSection(string file, Section s)
    {
        var name = s.Required("name", f => f.Line().Map(n => (Text: n, f.At)));
        var hosts = s.Required("local_host", LocalHostReader.Read);
        var backends = s.Get("backend_hosts").Match(
            BackendReader.Read,
            () => new ReadResult<Seq<Backend>>(s.Missing("backend_hosts"), Empty));
        var strategy = StrategyReader.Read(s);
        var check = s.Get("healthcheck").Match(
            HealthCheckReader.Read,
            () => new ReadResult<HealthCheck>(s.Missing("healthcheck"), Empty));
        var onAllDown = s.Optional("on_all_down", OnAllDown.Keep, f => f.OneOf("an on_all_down",
            ("keep", OnAllDown.Keep), ("remove", OnAllDown.Remove)));
        var lb = (name, hosts, backends.Value, strategy.Value, check.Value, onAllDown).Apply(
            (n, h, b, st, hc, down) => new PositionedLb(
                new LbConfig(n.Text, file, h.Head.Name, h.Tail.Map(x => x.Name), b, st, hc, down),
                n.At, h.Map(x => x.At)) { CaCertsAt = CaCertsAt(s) });
        var warnings = Seqs.Join(s.UnknownKeys(Keys, Misplaced), backends.Warnings,
            strategy.Warnings, check.Warnings);
        return new ReadResult<PositionedLb>(lb, warnings).Sorted();
    }

    static SourcePosition CaCertsAt(Section s) =>
        s.Get("healthcheck").Bind(f => f.Mapping().ToOption())
            .Bind(h => h.Get("config")).Bind(f => f.Mapping().ToOption())
            .Bind(c => c.Get("cacerts")).Map(f => f.At)
            .IfNone(SourcePosition.None);

    /// <summary>Health check keys written one level too high are a common slip.</summary>
    static string? Misplaced(string key) => key switch
    {
        "type" or "period" or "rise" or "fall" or "fast_interval" or "watch" or "config" =>
            $"`{key}` belongs under healthcheck; here it is ignored",
        "port" or "timeout" or "path" => $"`{key}` belongs under healthcheck.config; " +
                                         "here it is ignored",
        _ => null,
    };
}
