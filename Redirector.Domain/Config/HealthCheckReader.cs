using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads <c>healthcheck</c>: type, period, rise, fall, fast_interval, watch, and the
/// type's own <c>config</c> mapping.</summary>
static class HealthCheckReader
{
    internal static readonly Seq<string> Keys = Seq(
        "type", "period", "rise", "fall", "fast_interval", "watch", "config");
    internal static readonly Seq<string> TcpKeys = Seq("port", "timeout");

    enum CheckType { Tcp, Http }

    /// <summary>What every check type shares.</summary>
    internal sealed record Common(
        TimeSpan Period, int Rise, int Fall, Option<TimeSpan> FastInterval, bool Watch);

    public static ReadResult<HealthCheck> Read(Field f) =>
        f.Mapping().Match(
            Succ: FromSection,
            Fail: es => new ReadResult<HealthCheck>(es, Empty));

    static ReadResult<HealthCheck> FromSection(Section s)
    {
        var type = s.Required("type", f => f.OneOf("a health check type",
            ("tcp", CheckType.Tcp), ("http", CheckType.Http)));
        var period = s.Required("period", f => f.Seconds());
        var common = (
                period,
                s.Optional("rise", 1, f => f.Int(1, 1000)),
                s.Optional("fall", 1, f => f.Int(1, 1000)),
                s.Maybe("fast_interval", f => FastInterval(f, period)),
                s.Optional("watch", true, f => f.Flag()))
            .Apply((p, rise, fall, fast, watch) => new Common(p, rise, fall, fast, watch));
        var config = s.Required("config", f => f.Mapping());
        var warnings = s.UnknownKeys(Keys, key =>
            TcpKeys.Contains(key) || HttpCheckReader.Keys.Contains(key)
                ? $"`{key}` belongs under {s.PathOf("config")}; here it is ignored"
                : null);
        // Without a known type there is no way to tell which config keys apply.
        return type.Match(
            Succ: t => config.Match(
                Succ: c => WithConfig(t, common, c, warnings),
                Fail: es => Failed(Seqs.Join(Errors(common), es), warnings)),
            Fail: es => Failed(Seqs.Join(Errors(common), es, Errors(config)), warnings));
    }

    /// <summary>Extra probes come between regular ones, so never further apart than them. Without
    /// a valid period there is nothing to compare with; the period's own error says so.</summary>
    static Validation<ConfigError, TimeSpan> FastInterval(
        Field f, Validation<ConfigError, TimeSpan> period) =>
        f.Seconds().Bind(fast => period.Match(
            Succ: p => fast <= p
                ? Success<ConfigError, TimeSpan>(fast)
                : f.Fail<TimeSpan>($"{Shown(fast)} s is longer than the period ({Shown(p)} s); " +
                                   "it must be at most the period"),
            Fail: _ => Success<ConfigError, TimeSpan>(fast)));

    static string Shown(TimeSpan t) =>
        t.TotalSeconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    static ReadResult<HealthCheck> Failed(Seq<ConfigError> errors, Seq<ConfigError> warnings) =>
        new(Fail<ConfigError, HealthCheck>(errors), warnings);

    static ReadResult<HealthCheck> WithConfig(
        CheckType type, Validation<ConfigError, Common> common, Section c,
        Seq<ConfigError> warnings)
    {
        if (type == CheckType.Http)
        {
            var http = HttpCheckReader.Read(common, c);
            return new(http.Value.Map(h => (HealthCheck)h), Seqs.Join(warnings, http.Warnings));
        }
        var tcp = (common, c.Required("port", f => f.Port()),
                c.Optional("timeout", HealthCheck.DefaultTimeout, f => f.Seconds()))
            .Apply((m, port, timeout) =>
                (HealthCheck)new HealthCheck.Tcp(m.Period, m.Rise, m.Fall, port, timeout)
                {
                    FastIntervalSetting = m.FastInterval, Watch = m.Watch,
                });
        return new(tcp, Seqs.Join(warnings, c.UnknownKeys(TcpKeys, key =>
            HttpCheckReader.Keys.Contains(key)
                ? $"`{key}` applies only to http checks; a tcp check ignores it"
                : null)));
    }

    static Seq<ConfigError> Errors<T>(Validation<ConfigError, T> v) =>
        v.Match(Succ: _ => Seq<ConfigError>(), Fail: es => es);
}
