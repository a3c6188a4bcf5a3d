using System.Text;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;

namespace Redirector.EndToEnd.Probes;

public class HttpProbeTests
{
    static readonly CancellationToken None = CancellationToken.None;

    static async Task<(Domain.Decision.ProbeResult Result, LoopbackHttpServer Server)> ProbeAsync(
        HttpReply reply, Func<HealthCheck.Http, HealthCheck.Http>? configure = null,
        string address = "127.0.0.1")
    {
        var server = LoopbackHttpServer.Started(reply, address);
        var check = (configure ?? (c => c))(Some.Http(server.Port));
        return (await Probe.RunAsync(check, address, None), server);
    }

    [Fact]
    public async Task A_200_is_up_with_the_probed_address()
    {
        var (result, server) = await ProbeAsync(HttpReply.Ok());
        using var _ = server;

        Assert.True(result.Ok, result.Reason);
        Assert.Equal("status 200", result.Reason);
        Assert.Equal("127.0.0.1", result.Address.Map(a => a.Value).IfNone(""));
    }

    [Fact]
    public async Task Ipv6_backends_are_probed_with_a_bracketed_url()
    {
        var (result, server) = await ProbeAsync(HttpReply.Ok(), address: "::1");
        using var _ = server;

        Assert.True(result.Ok, result.Reason);
        Assert.Equal("::1", result.Address.Map(a => a.Value).IfNone(""));
    }

    [Fact]
    public async Task A_503_is_down_with_the_status_as_reason()
    {
        var (result, server) = await ProbeAsync(HttpReply.Text(503, "busy"));
        using var _ = server;

        Assert.False(result.Ok);
        Assert.Equal("status 503", result.Reason);
    }

    [Theory]
    [InlineData("^2", 204, true)]
    [InlineData("2..", 200, true)]
    [InlineData("2..|301", 301, true)]
    [InlineData("^2", 500, false)]
    [InlineData("200", 201, false)]
    [InlineData("0", 200, false)]
    [InlineData("(?x) 2 0 0  # verbose, with a comment", 200, true)]
    public async Task Expected_status_is_a_regex_matched_from_the_start_of_the_code(
        string pattern, int status, bool up)
    {
        var (result, server) = await ProbeAsync(HttpReply.Text(status, ""),
            c => c with { ExpectedStatus = Some.Pattern(pattern) });
        using var _ = server;

        Assert.Equal(up, result.Ok);
        if (!up)
            Assert.Equal(pattern == "200"
                ? $"status {status}"
                : $"status {status} did not match '{pattern}'", result.Reason);
    }

    [Theory]
    [InlineData("ready", "status: ready", true)]
    [InlineData("^status: (ready|ok)$", "status: ok", true)]
    [InlineData(@"\(", "a ( in the body", true)]
    [InlineData("ready", "status: starting", false)]
    [InlineData("(?P<word>ok) (?P=word)", "ok ok", true)]
    [InlineData("(?x) ready  # verbose, with a comment", "status: ready", true)]
    [InlineData(@"ready\Z", "ready\n", false)]
    public async Task Expected_response_is_a_regex_searched_in_the_body(
        string pattern, string body, bool up)
    {
        var (result, server) = await ProbeAsync(HttpReply.Text(200, body),
            c => c with { ExpectedResponse = Some.Body(pattern) });
        using var _ = server;

        Assert.Equal(up, result.Ok);
        if (!up) Assert.Equal($"body did not match '{pattern}'", result.Reason);
    }

    [Fact]
    public async Task Only_max_body_bytes_of_the_body_are_searched()
    {
        var body = new string('x', 1000) + "ready";
        var (within, s1) = await ProbeAsync(HttpReply.Text(200, body),
            c => c with { ExpectedResponse = Some.Body("ready"), MaxBodyBytes = 1005 });
        var (beyond, s2) = await ProbeAsync(HttpReply.Text(200, body),
            c => c with { ExpectedResponse = Some.Body("ready"), MaxBodyBytes = 1000 });
        s1.Dispose();
        s2.Dispose();

        Assert.True(within.Ok, within.Reason);
        Assert.False(beyond.Ok);
    }

    [Theory]
    [InlineData("latin-1", true)]
    [InlineData("iso-8859-1", true)]
    [InlineData("cp1252", true)]
    [InlineData("utf-8", false)]
    public async Task The_body_is_decoded_with_expected_response_encoding(string encoding, bool up)
    {
        var reply = new HttpReply(200, Encoding.Latin1.GetBytes("état: prêt"), TimeSpan.Zero, []);
        var (result, server) = await ProbeAsync(reply,
            c => c with
            {
                ExpectedResponse = Some.Body("prêt"), ExpectedResponseEncoding = encoding,
            });
        using var _ = server;

        Assert.Equal(up, result.Ok);
    }

    [Fact]
    public async Task Method_headers_host_path_and_query_are_sent_as_configured()
    {
        var (result, server) = await ProbeAsync(HttpReply.Ok(), c => c with
        {
            Method = HttpMethodName.Post,
            Path = "/minio/health/live",
            Query = Prelude.Some("cluster=1&x=y"),
            Headers = Prelude.Seq(("Host", "minio.internal"), ("X-Probe", "redirector"),
                ("Content-Type", "text/plain")),
        });
        using var _ = server;
        var request = Assert.Single(server.Requests);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/minio/health/live", request.Path);
        Assert.Equal("cluster=1&x=y", request.Query);
        Assert.Equal("minio.internal", request.Header("Host"));
        Assert.Equal("redirector", request.Header("X-Probe"));
        Assert.Equal("text/plain", request.Header("Content-Type"));
        Assert.Equal("close", request.Header("Connection"));
    }

    [Theory]
    [InlineData(HttpMethodName.Head, "HEAD")]
    [InlineData(HttpMethodName.Options, "OPTIONS")]
    [InlineData(HttpMethodName.Get, "GET")]
    public async Task Every_method_of_the_original_is_sent(HttpMethodName method, string sent)
    {
        var (result, server) = await ProbeAsync(HttpReply.Ok(), c => c with { Method = method });
        using var _ = server;

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(sent, Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        var reply = HttpReply.Text(302, "").WithHeader("Location: /elsewhere");
        var (result, server) = await ProbeAsync(reply);
        using var _ = server;

        Assert.False(result.Ok);
        Assert.Equal("status 302", result.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Each_probe_opens_a_fresh_connection()
    {
        using var server = LoopbackHttpServer.Started();
        var check = Some.Http(server.Port);

        for (var i = 0; i < 3; i++)
            Assert.True((await Probe.RunAsync(check, "127.0.0.1", None)).Ok);
        server.Stop();
        var afterStop = await Probe.RunAsync(check, "127.0.0.1", None);

        Assert.Equal(3, server.Connections);
        Assert.False(afterStop.Ok);
        Assert.Equal("refused", afterStop.Reason);
    }

    [Fact]
    public async Task The_timeout_covers_the_whole_exchange()
    {
        var (result, server) = await ProbeAsync(HttpReply.Ok().After(TimeSpan.FromSeconds(5)),
            c => c with { Timeout = TimeSpan.FromSeconds(0.5) });
        using var _ = server;

        Assert.False(result.Ok);
        Assert.Equal("timeout after 0.5s", result.Reason);
        Assert.Equal("127.0.0.1", result.Address.Map(a => a.Value).IfNone(""));
    }

    /// <summary>A pattern that does not compile never reaches a probe: the config holds
    /// compiled patterns only, and refuses one that is not (Properties: BadLbFileTests).
    /// </summary>
    [Fact]
    public async Task A_bad_encoding_is_a_failed_result_with_a_reason()
    {
        var (result, server) = await ProbeAsync(HttpReply.Ok(), c => c with
        {
            ExpectedResponse = Some.Body("ok"),
            ExpectedResponseEncoding = "no-such-codec",
        });
        using var _ = server;

        Assert.False(result.Ok);
        Assert.StartsWith("unknown encoding 'no-such-codec'", result.Reason);
        Assert.True(Domain.Probing.PythonRegex.Create("(unclosed").IsLeft);
    }

    [Fact]
    public async Task A_header_that_cannot_be_sent_is_a_failed_result()
    {
        var (result, server) = await ProbeAsync(HttpReply.Ok(),
            c => c with { Headers = Prelude.Seq1(("Bad Name", "x")) });
        using var _ = server;

        Assert.False(result.Ok);
        Assert.Equal("header 'Bad Name' cannot be sent", result.Reason);
    }

    /// <summary>An HTTP check has to talk over the connection, so a reset right after the
    /// accept fails it, whether the reset arrives before the connect's completion is handled
    /// or after; the reason says the peer reset, never a raw exception.</summary>
    [Fact]
    public async Task A_backend_that_resets_each_connection_right_after_accepting_is_down()
    {
        using var server = new ResettingServer();

        var (count, downs) = await TcpProbeTests.ProbeManyAsync(
            Some.Http(server.Port), maxProbes: 200, TimeSpan.FromSeconds(15));

        Assert.Equal(count, downs.Count);
        Assert.All(downs, reason => Assert.Contains(reason,
            new[] { "connection reset", "connection closed by the peer",
                "connection closed before a complete response" }));
    }
}
