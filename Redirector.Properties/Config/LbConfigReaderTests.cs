using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Probing;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

public class LbConfigReaderTests
{
    static LbConfig Valid(string text)
    {
        var result = LbConfigReader.Read("lb.yml", text);
        return result.Value.Match(Succ: lb => lb,
            Fail: es => throw new Xunit.Sdk.XunitException(string.Join("\n", es)));
    }

    static Seq<string> Warnings(string text) =>
        LbConfigReader.Read("lb.yml", text).Warnings.Map(w => w.ToString());

    [Fact]
    public void A_tcp_file_reads_into_its_record_with_defaults() =>
        Assert.Equal(Some.TcpLb, Valid(Some.TcpLbYaml));

    [Fact]
    public void An_http_file_gets_the_original_defaults() =>
        Assert.Equal(Some.HttpCheck, Valid(Some.HttpLbYaml).HealthCheck);

    [Fact]
    public void Headers_as_a_mapping_and_as_the_originals_list_read_the_same()
    {
        var asMap = Some.HttpLbYaml.Replace("path: /health",
            "path: /health\n    headers:\n      Host: a.example\n      Accept: text/plain");
        var asList = Some.HttpLbYaml.Replace("path: /health",
            "path: /health\n    headers:\n      - \"Host\": \"a.example\"\n" +
            "      - Accept: text/plain");
        var expected = Seq(("Host", "a.example"), ("Accept", "text/plain"));
        Assert.Equal(expected, ((HealthCheck.Http)Valid(asMap).HealthCheck).Headers);
        Assert.Equal(expected, ((HealthCheck.Http)Valid(asList).HealthCheck).Headers);
    }

    [Fact]
    public void Null_values_take_the_default_as_in_the_originals_examples()
    {
        var text = Some.HttpLbYaml.Replace("path: /health",
            "path: /health\n    query: null\n    cacerts: ~\n    expected_response:");
        Assert.Equal(Some.HttpCheck, Valid(text).HealthCheck);
    }

    [Fact]
    public void A_local_host_list_gives_the_name_then_its_aliases()
    {
        var lb = Valid(Some.TcpLbYaml.Replace("local_host: minio.internal",
            "local_host: [minio.internal, s3.internal, MinIO-2.internal]"));
        Assert.Equal("minio.internal", lb.LocalHost.Value);
        Assert.Equal(Seq("s3.internal", "MinIO-2.internal"), lb.Aliases.Map(a => a.Value));
    }

    [Fact]
    public void Backends_may_be_mappings_with_a_priority_and_addresses_are_canonical()
    {
        var lb = Valid(Some.TcpLbYaml.Replace("  - 10.0.0.1\n  - 10.0.0.2",
            "  - host: 10.0.0.1\n    priority: 5\n  - \"0:0::1\"\n  - db-1.internal"));
        Assert.Equal(Seq(new Backend("10.0.0.1", 5), new Backend("::1", 0),
            new Backend("db-1.internal", 0)), lb.Backends);
    }

    [Fact]
    public void Latency_margins_default_to_a_fifth_and_five_ms()
    {
        var lb = Valid(Some.TcpLbYaml.Replace("strategy: sequential", "strategy: latency"));
        Assert.Equal(new Strategy.Latency(0.2, 5), lb.Strategy);
        var tuned = Valid(Some.TcpLbYaml.Replace("strategy: sequential",
            "strategy: latency\nlatency_margin_ratio: 0.5\nlatency_margin_ms: 12.5"));
        Assert.Equal(new Strategy.Latency(0.5, 12.5), tuned.Strategy);
    }

    [Fact]
    public void Latency_margins_with_another_strategy_are_a_warning()
    {
        var text = Some.TcpLbYaml.Replace("strategy: sequential",
            "strategy: sequential\nlatency_margin_ms: 3");
        Assert.Equal(new Strategy.Sequential(), Valid(text).Strategy);
        Assert.Equal(Seq1("lb.yml:7:20: latency_margin_ms: is used only by the latency " +
                         "strategy; ignored with sequential"), Warnings(text));
    }

    [Fact]
    public void An_unknown_key_is_a_warning_naming_the_closest_known_key()
    {
        var text = Some.TcpLbYaml.Replace("period: 5", "period: 5\n  perod: 1");
        Assert.Equal(Some.TcpLb, Valid(text));
        Assert.Equal(Seq1("lb.yml:10:3: healthcheck.perod: unknown key `perod`, " +
                         "did you mean `period`?"), Warnings(text));
    }

    [Fact]
    public void A_key_far_from_every_known_key_is_named_with_the_known_ones()
    {
        var text = Some.TcpLbYaml + "\ncolour: blue\n";
        Assert.Equal(Seq1("lb.yml:13:1: colour: unknown key `colour` is ignored (known keys: " +
                         "name, local_host, backend_hosts, strategy, healthcheck, on_all_down, " +
                         "latency_margin_ratio, latency_margin_ms)"), Warnings(text));
    }

    [Fact]
    public void An_http_key_in_a_tcp_check_is_a_warning_that_says_so() =>
        Assert.Equal(Seq1("lb.yml:12:5: healthcheck.config.path: `path` applies only to http " +
                         "checks; a tcp check ignores it"),
            Warnings(Some.TcpLbYaml.Replace("port: 9000", "port: 9000\n    path: /")));

    [Fact]
    public void Periods_and_timeouts_take_decimal_seconds()
    {
        var lb = Valid(Some.TcpLbYaml.Replace("period: 5", "period: 0.25")
            .Replace("port: 9000", "port: 9000\n    timeout: 1.5"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), lb.HealthCheck.Period);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), lb.HealthCheck.Timeout);
    }

    [Fact]
    public void Words_are_read_without_case_as_the_original_wrote_them_quoted()
    {
        var lb = Valid(Some.HttpLbYaml.Replace("strategy: random", "strategy: \"Random\"")
            .Replace("path: /health", "path: /health\n    method: \"HEAD\"\n    scheme: HTTPS"));
        var check = (HealthCheck.Http)lb.HealthCheck;
        Assert.Equal((new Strategy.Random() as Strategy, HttpMethodName.Head, HttpScheme.Https),
            (lb.Strategy, check.Method, check.Scheme));
    }

    [Fact]
    public void The_originals_http_example_format_reads() =>
        Assert.Equal(Seq1(("Host", "es.mydomain.internal")), ((HealthCheck.Http)Valid("""
            ---
            name: "Elasticsearch"
            local_host: "elasticsearch.mydomain.internal"
            backend_hosts:
                - "10.18.126.13"
                - "10.42.180.124"
            strategy: "sequential"
            healthcheck:
                type: "http"
                period: 5
                config:
                    #method: "GET"
                    headers:
                        - "Host": "es.mydomain.internal"
                    port: 9000
                    path: "/"
                    #query: null
                    expected_status: "200|429"
            ...
            """).HealthCheck).Headers);

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_read_the_same() =>
        Assert.Equal(Some.TcpLb, Valid("\uFEFF" + Some.TcpLbYaml.Replace("\n", "\r\n")));

    [Theory]
    [InlineData("  - host: 10.0.0.2\n    prio: 3", "lb.yml:6:5: backend_hosts[1].prio: " +
        "unknown key `prio`, did you mean `priority`?")]
    [InlineData("  - 10.0.0.2\nperiod: 5", "lb.yml:6:1: period: `period` belongs under " +
        "healthcheck; here it is ignored")]
    [InlineData("  - 10.0.0.2\nport: 5", "lb.yml:6:1: port: `port` belongs under " +
        "healthcheck.config; here it is ignored")]
    public void A_misplaced_or_abbreviated_key_is_explained(string replacement, string warning) =>
        Assert.Equal(Seq1(warning), Warnings(Some.TcpLbYaml.Replace("  - 10.0.0.2", replacement)));

    [Fact]
    public void A_config_key_one_level_too_high_in_healthcheck_is_explained() =>
        Assert.Equal(Seq1("lb.yml:10:3: healthcheck.port: `port` belongs under " +
                          "healthcheck.config; here it is ignored"),
            Warnings(Some.TcpLbYaml.Replace("period: 5", "period: 5\n  port: 80")));

    [Fact]
    public void Python_named_groups_in_a_pattern_are_read_as_written_and_work()
    {
        var check = (HealthCheck.Http)Valid(Some.HttpLbYaml.Replace("path: /health",
            "path: /health\n    expected_response: '(?P<q>[\"x]).*(?P=q)'")).HealthCheck;
        var pattern = check.ExpectedResponse.IfNone(() => throw new Xunit.Sdk.XunitException("none read"));
        Assert.Equal("(?P<q>[\"x]).*(?P=q)", pattern.Source);
        Assert.Equal(MatchOutcome.Found, pattern.Search("say \"hi\" twice"));
        Assert.Equal(MatchOutcome.NotFound, pattern.Search("say \"hi"));
    }
}
