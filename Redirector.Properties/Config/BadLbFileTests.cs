using Redirector.Domain.Config;

namespace Redirector.Properties.Config;

/// <summary>The bad-file corpus: each LB file has one mistake, reported with its exact
/// position and message, and nothing else.</summary>
public class BadLbFileTests
{
    /// <summary>Replaces one line of the canonical TCP or HTTP file.</summary>
    static string Tcp(string line, string replacement) => Edit(Some.TcpLbYaml, line, replacement);
    static string Http(string line, string replacement) => Edit(Some.HttpLbYaml, line, replacement);

    static string Edit(string text, string line, string replacement)
    {
        Assert.Contains(line, text);
        return text.Replace(line, replacement);
    }

    static string HealthCheckPart => Some.TcpLbYaml[Some.TcpLbYaml.IndexOf("healthcheck:")..];

    public static TheoryData<string, string, string> Corpus => new()
    {
        { "empty file", "",
            "lb.yml:1:1: the file is empty; a load balancer needs name, local_host, " +
            "backend_hosts, strategy and healthcheck" },
        { "only comments", "# nothing here\n",
            "lb.yml:1:1: the file is empty; a load balancer needs name, local_host, " +
            "backend_hosts, strategy and healthcheck" },
        { "a list at the top", "- name: minio\n",
            "lb.yml:1:1: expected a mapping of keys to values at the top of the file, got a list" },
        { "a scalar at the top", "minio\n",
            "lb.yml:1:1: expected a mapping of keys to values at the top of the file, got a value" },
        { "unclosed flow list", Tcp("  - 10.0.0.2", "  - [10.0.0.2"),
            "lb.yml:6:1: YAML syntax error: cannot make sense of the text here " +
            "(an unclosed '[', '{' or quote?)" },
        { "unclosed quote", Tcp("name: minio", "name: \"minio"),
            "lb.yml:1:7: YAML syntax error: While scanning a multi-line double-quoted scalar, " +
            "found wrong indentation." },
        { "tab indentation", Tcp("    port: 9000", "\tport: 9000"),
            "lb.yml:11:1: YAML syntax error: tab in indentation; YAML indents with spaces only" },
        { "duplicate key", Tcp("strategy: sequential", "strategy: sequential\nstrategy: random"),
            "lb.yml:7:1: YAML syntax error: Duplicate key strategy" },
        { "two documents", Some.TcpLbYaml + "\n---\nname: other\n",
            "lb.yml:14:1: a config file holds one YAML document, this is a second one" },
        { "missing name", Tcp("name: minio\n", ""),
            "lb.yml:1:1: name: is required" },
        { "empty name", Tcp("name: minio", "name: \"\""),
            "lb.yml:1:7: name: must not be empty" },
        { "name with a newline", Tcp("name: minio", "name: \"mi\\nnio\""),
            "lb.yml:1:7: name: 'mi\\x0anio' must not contain control characters or newlines" },
        { "name is a list", Tcp("name: minio", "name: [a, b]"),
            "lb.yml:1:7: name: expected a text value, got a list" },
        { "missing local_host", Tcp("local_host: minio.internal\n", ""),
            "lb.yml:1:1: local_host: is required" },
        { "local_host with a space", Tcp("local_host: minio.internal", "local_host: minio internal"),
            "lb.yml:2:13: local_host: 'minio internal' is not a valid host name " +
            "(letters, digits, '-' and '.' only)" },
        { "local_host with #", Tcp("local_host: minio.internal", "local_host: \"minio#x\""),
            "lb.yml:2:13: local_host: 'minio#x' is not a valid host name " +
            "(letters, digits, '-' and '.' only)" },
        { "local_host with a newline", Tcp("local_host: minio.internal", "local_host: \"a\\nb\""),
            "lb.yml:2:13: local_host: 'a\\x0ab' is not a valid host name " +
            "(letters, digits, '-' and '.' only)" },
        { "bad alias", Tcp("local_host: minio.internal", "local_host: [minio.internal, -bad]"),
            "lb.yml:2:30: local_host[1]: '-bad' has a label that starts or ends with '-'" },
        { "empty local_host list", Tcp("local_host: minio.internal", "local_host: []"),
            "lb.yml:2:13: local_host: must name at least one host" },
        { "local_host is a mapping", Tcp("local_host: minio.internal", "local_host: {a: b}"),
            "lb.yml:2:13: local_host: expected a text value, got a mapping" },
        { "empty backend_hosts",
            Tcp("backend_hosts:\n  - 10.0.0.1\n  - 10.0.0.2", "backend_hosts: []"),
            "lb.yml:3:16: backend_hosts: must list at least one backend" },
        { "backend_hosts is a mapping", Tcp("backend_hosts:\n  - 10.0.0.1\n  - 10.0.0.2",
                "backend_hosts: {a: 1}"),
            "lb.yml:3:16: backend_hosts: expected a list, got a mapping" },
        { "bad backend host", Tcp("  - 10.0.0.2", "  - 10.0.0.256"),
            "lb.yml:5:5: backend_hosts[1]: '10.0.0.256' looks like an address, not a host name; " +
            "a backend is an IP address or a host name" },
        { "backend mapping without host", Tcp("  - 10.0.0.2", "  - priority: 1"),
            "lb.yml:5:5: backend_hosts[1].host: is required" },
        { "backend priority not a number", Tcp("  - 10.0.0.2", "  - {host: 10.0.0.2, priority: high}"),
            "lb.yml:5:32: backend_hosts[1].priority: expected a whole number, got 'high'" },
        { "unknown strategy", Tcp("strategy: sequential", "strategy: fastest"),
            "lb.yml:6:11: strategy: 'fastest' is not a strategy " +
            "(sequential, random, priority, hash, latency)" },
        { "missing strategy", Tcp("strategy: sequential\n", ""),
            "lb.yml:1:1: strategy: is required" },
        { "negative latency margin", Tcp("strategy: sequential",
                "strategy: latency\nlatency_margin_ratio: -0.5"),
            "lb.yml:7:23: latency_margin_ratio: must be at least 0, got -0.5" },
        { "unknown on_all_down",
            Tcp("strategy: sequential", "strategy: sequential\non_all_down: drop"),
            "lb.yml:7:14: on_all_down: 'drop' is not an on_all_down (keep, remove)" },
        { "missing healthcheck", Tcp(HealthCheckPart, ""),
            "lb.yml:1:1: healthcheck: is required" },
        { "healthcheck is a list", Tcp(HealthCheckPart, "healthcheck: [tcp]"),
            "lb.yml:7:14: healthcheck: expected a mapping (key: value lines), got a list" },
        { "unknown check type", Tcp("type: tcp", "type: udp"),
            "lb.yml:8:9: healthcheck.type: 'udp' is not a health check type (tcp, http)" },
        { "period 0", Tcp("period: 5", "period: 0"),
            "lb.yml:9:11: healthcheck.period: 0 is not a duration " +
            "(more than 0, at most 86400 seconds)" },
        { "negative period", Tcp("period: 5", "period: -1"),
            "lb.yml:9:11: healthcheck.period: -1 is not a duration " +
            "(more than 0, at most 86400 seconds)" },
        { "period not a number", Tcp("period: 5", "period: often"),
            "lb.yml:9:11: healthcheck.period: expected a number of seconds, got 'often'" },
        { "missing period", Tcp("  period: 5\n", ""),
            "lb.yml:8:3: healthcheck.period: is required" },
        { "rise 0", Tcp("period: 5", "period: 5\n  rise: 0"),
            "lb.yml:10:9: healthcheck.rise: must be between 1 and 1000, got 0" },
        { "missing config", Tcp("  config:\n    port: 9000", ""),
            "lb.yml:8:3: healthcheck.config: is required" },
        { "port 0", Tcp("port: 9000", "port: 0"),
            "lb.yml:11:11: healthcheck.config.port: 0 is not a port (1-65535)" },
        { "port 70000", Tcp("port: 9000", "port: 70000"),
            "lb.yml:11:11: healthcheck.config.port: 70000 is not a port (1-65535)" },
        { "port not a number", Tcp("port: 9000", "port: http"),
            "lb.yml:11:11: healthcheck.config.port: http is not a port (1-65535)" },
        { "timeout 0", Tcp("port: 9000", "port: 9000\n    timeout: 0"),
            "lb.yml:12:14: healthcheck.config.timeout: 0 is not a duration " +
            "(more than 0, at most 86400 seconds)" },
        { "http without path", Http("    path: /health\n", ""),
            "lb.yml:10:5: healthcheck.config.path: is required" },
        { "bad status regex", Http("path: /health", "path: /health\n    expected_status: \"(\""),
            "lb.yml:12:22: healthcheck.config.expected_status: '(' is not a valid regular " +
            "expression: a ( is not closed (at offset 1)" },
        { "bad body regex", Http("path: /health", "path: /health\n    expected_response: \"[a-\""),
            "lb.yml:12:24: healthcheck.config.expected_response: '[a-' is not a valid regular " +
            "expression: a [ is not closed (at offset 3)" },
        { "unknown method", Http("path: /health", "path: /health\n    method: PUT"),
            "lb.yml:12:13: healthcheck.config.method: 'PUT' is not an HTTP method " +
            "(HEAD, GET, OPTIONS, POST)" },
        { "unknown scheme", Http("path: /health", "path: /health\n    scheme: ftp"),
            "lb.yml:12:13: healthcheck.config.scheme: 'ftp' is not a scheme (http, https)" },
        { "headers as text", Http("path: /health", "path: /health\n    headers: Accept"),
            "lb.yml:12:14: healthcheck.config.headers: expected a mapping (key: value lines), " +
            "got a value" },
        { "bad header name", Http("path: /health", "path: /health\n    headers:\n      - \"a b\": c"),
            "lb.yml:13:9: healthcheck.config.headers[0]: 'a b' is not a header name " +
            "(letters, digits and !#$%&'*+-.^_`|~)" },
        { "header value with a newline", Http("path: /health",
                "path: /health\n    headers: {Accept: \"a\\nb\"}"),
            "lb.yml:12:23: healthcheck.config.headers.Accept: a header value must not contain " +
            "control characters or newlines" },
        { "unknown encoding", Http("path: /health",
                "path: /health\n    expected_response_encoding: klingon"),
            "lb.yml:12:33: healthcheck.config.expected_response_encoding: 'klingon' is not a " +
            "known text encoding (e.g. utf-8, latin-1, ascii, utf-16)" },
        { "insecure not a boolean", Http("path: /health", "path: /health\n    insecure: maybe"),
            "lb.yml:12:15: healthcheck.config.insecure: expected true or false, got 'maybe'" },
        { "max_body_bytes 0", Http("path: /health", "path: /health\n    max_body_bytes: 0"),
            "lb.yml:12:21: healthcheck.config.max_body_bytes: must be between 1 and 67108864, got 0" },
        { "alias to no anchor", Tcp("port: 9000", "port: *web"),
            "lb.yml:11:11: alias *web refers to no anchor defined before it" },
        { "deep nesting", "name: " + new string('[', 100) + new string(']', 100) + "\n",
            "lb.yml:1:70: nested more than 64 levels deep" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_bad_file_reports_its_one_mistake_with_position(
        string why, string text, string expected)
    {
        var errors = LbConfigReader.Read("lb.yml", text).Errors.Map(e => e.ToString()).ToList();
        Assert.True(errors.Count == 1 && errors[0] == expected,
            $"{why}: expected\n  {expected}\ngot\n  {string.Join("\n  ", errors)}");
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_files() => Assert.True(Corpus.Count >= 30);

    [Fact]
    public void A_file_with_five_mistakes_reports_five()
    {
        var text = Some.TcpLbYaml
            .Replace("name: minio", "name: \"\"")
            .Replace("local_host: minio.internal", "local_host: \"a b\"")
            .Replace("strategy: sequential", "strategy: fastest")
            .Replace("period: 5", "period: 0")
            .Replace("port: 9000", "port: 70000");
        var fields = LbConfigReader.Read("lb.yml", text).Errors.Map(e => e.Field).ToList();
        Assert.Equal(["name", "local_host", "strategy", "healthcheck.period",
            "healthcheck.config.port"], fields);
    }
}
