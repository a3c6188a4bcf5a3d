using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

/// <summary>fast_interval and watch beside period, rise and fall: read for both check types,
/// their defaults, and each mistake with its file, line and column.</summary>
public class WatchSettingsTests
{
    const string Period = "  period: 5\n";

    static string Tcp(string lines) => Some.TcpLbYaml.Replace(Period, Period + lines);

    static string Http(string lines) =>
        Some.HttpLbYaml.Replace("  type: http\n", "  type: http\n" + lines);

    static HealthCheck Check(string text) =>
        LbConfigReader.Read("lb.yml", text).Value.Match(Succ: lb => lb.HealthCheck,
            Fail: es => throw new Xunit.Sdk.XunitException(string.Join("\n", es)));

    static Seq<string> Errors(string text) =>
        LbConfigReader.Read("lb.yml", text).Value.Match(Succ: _ => Seq<string>(),
            Fail: es => es.Map(e => e.ToString()));

    static Seq<string> Warnings(string text) =>
        LbConfigReader.Read("lb.yml", text).Warnings.Map(w => w.ToString());

    [Fact]
    public void A_tcp_check_reads_fast_interval_and_watch()
    {
        var check = Check(Tcp("  fast_interval: 0.5\n  watch: false\n"));
        Assert.Equal(Some(TimeSpan.FromMilliseconds(500)), check.FastIntervalSetting);
        Assert.Equal(TimeSpan.FromMilliseconds(500), check.FastInterval);
        Assert.False(check.Watch);
    }

    [Fact]
    public void An_http_check_reads_fast_interval_and_watch()
    {
        Assert.Contains("  type: http\n", Some.HttpLbYaml);
        var check = Check(Http("  fast_interval: 0.05\n  watch: no\n"));
        Assert.IsType<HealthCheck.Http>(check);
        Assert.Equal(Some(TimeSpan.FromMilliseconds(50)), check.FastIntervalSetting);
        Assert.False(check.Watch);
        Assert.True(Check(Http("  watch: true\n")).Watch);
    }

    [Fact]
    public void Without_them_watch_is_on_and_the_fast_interval_is_a_quarter_period_at_most_250_ms()
    {
        var check = Check(Some.TcpLbYaml.Replace("period: 5", "period: 2"));
        Assert.True(check.Watch);
        Assert.Equal(Option<TimeSpan>.None, check.FastIntervalSetting);
        Assert.Equal(TimeSpan.FromMilliseconds(250), check.FastInterval);
        var quick = Check(Some.TcpLbYaml.Replace("period: 5", "period: 0.4"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), quick.FastInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250),
            Check(Some.TcpLbYaml.Replace("period: 5", "period: 1")).FastInterval);
        Assert.True(Check(Some.HttpLbYaml).Watch);
    }

    [Fact]
    public void Null_values_take_the_defaults() =>
        Assert.Equal(Check(Some.TcpLbYaml), Check(Tcp("  fast_interval: ~\n  watch: null\n")));

    [Fact]
    public void A_fast_interval_as_long_as_the_period_is_allowed() =>
        Assert.Equal(Some(TimeSpan.FromSeconds(5)),
            Check(Tcp("  fast_interval: 5\n")).FastIntervalSetting);

    [Fact]
    public void A_fast_interval_longer_than_the_period_is_an_error_naming_both() =>
        Assert.Equal(Seq1("lb.yml:10:18: healthcheck.fast_interval: 5.5 s is longer than the " +
                          "period (5 s); it must be at most the period"),
            Errors(Tcp("  fast_interval: 5.5\n")));

    [Fact]
    public void A_fast_interval_longer_than_an_http_period_is_an_error_too() =>
        Assert.Equal(Seq1("lb.yml:8:18: healthcheck.fast_interval: 30 s is longer than the " +
                          "period (2 s); it must be at most the period"),
            Errors(Http("  fast_interval: 30\n")));

    [Theory]
    [InlineData("0", "lb.yml:10:18: healthcheck.fast_interval: 0 is not a duration " +
                     "(more than 0, at most 86400 seconds)")]
    [InlineData("-1", "lb.yml:10:18: healthcheck.fast_interval: -1 is not a duration " +
                      "(more than 0, at most 86400 seconds)")]
    [InlineData("soon", "lb.yml:10:18: healthcheck.fast_interval: expected a number of " +
                        "seconds, got 'soon'")]
    public void A_fast_interval_that_is_not_a_duration_is_an_error(string value, string error) =>
        Assert.Equal(Seq1(error), Errors(Tcp($"  fast_interval: {value}\n")));

    [Fact]
    public void A_watch_that_is_not_a_boolean_is_an_error() =>
        Assert.Equal(Seq1("lb.yml:10:10: healthcheck.watch: expected true or false, got 'maybe'"),
            Errors(Tcp("  watch: maybe\n")));

    [Fact]
    public void Without_a_valid_period_only_the_period_is_reported() =>
        Assert.Equal(Seq1("lb.yml:9:11: healthcheck.period: expected a number of seconds, " +
                          "got 'often'"),
            Errors(Tcp("  fast_interval: 7\n").Replace("period: 5", "period: often")));

    [Fact]
    public void Every_mistake_of_the_check_is_reported_at_once() =>
        Assert.Equal(3, Errors(Tcp("  rise: 0\n  fast_interval: 9\n  watch: 3\n")).Count);

    [Theory]
    [InlineData("fast_intervall", "fast_interval")]
    [InlineData("fastinterval", "fast_interval")]
    [InlineData("wach", "watch")]
    [InlineData("watches", "watch")]
    public void A_misspelt_key_gets_did_you_mean(string typo, string key) =>
        Assert.Equal(Seq1($"lb.yml:10:3: healthcheck.{typo}: unknown key `{typo}`, " +
                          $"did you mean `{key}`?"),
            Warnings(Tcp($"  {typo}: 1\n")));

    [Theory]
    [InlineData("fast_interval")]
    [InlineData("watch")]
    public void The_keys_written_at_lb_level_are_said_to_belong_under_healthcheck(string key) =>
        Assert.Equal(Seq1($"lb.yml:1:1: {key}: `{key}` belongs under healthcheck; here it is " +
                          "ignored"),
            Warnings($"{key}: 1\n" + Some.TcpLbYaml));

    [Fact]
    public void The_known_keys_of_healthcheck_list_both()
    {
        var keys = KnownKeys.Lb.Find(KnownKeys.HealthCheck).IfNone(Seq<string>());
        Assert.Contains("fast_interval", keys);
        Assert.Contains("watch", keys);
    }

    [Fact]
    public void A_reload_that_changes_only_fast_interval_or_watch_changes_the_definition()
    {
        var lb = LbConfigReader.Read("lb.yml", Some.TcpLbYaml).Value.Match(l => l, _ => null!);
        Assert.False(lb.SameDefinition(lb with { HealthCheck = lb.HealthCheck with { Watch = false } }));
        Assert.False(lb.SameDefinition(lb with
        {
            HealthCheck = lb.HealthCheck with { FastIntervalSetting = TimeSpan.FromSeconds(1) },
        }));
    }
}
