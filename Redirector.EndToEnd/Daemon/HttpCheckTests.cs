using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Daemon;

/// <summary>HTTP checks with the status and body regexes the original got backwards.</summary>
public sealed class HttpCheckTests
{
    [Fact]
    public async Task Status_and_body_regexes_decide_health()
    {
        var servers = LoopbackHttpServer.StartMany("127.0.0.1", "127.0.0.2");
        servers[0].Reply = HttpReply.Text(200, "status: ready (all shards)");
        servers[1].Reply = HttpReply.Text(201, "status: ready");
        using var dir = new ConfigDir();
        dir.WriteLb("es", $"""
            name: es
            local_host: [es.test, search.test]
            backend_hosts: ["127.0.0.1", "127.0.0.2"]
            strategy: sequential
            healthcheck:
              type: http
              period: 0.3
              config:
                port: {servers[0].Port}
                path: /_cluster/health
                query: local=true
                headers:
                  - Host: es.internal
                expected_status: "^2"
                expected_response: "ready"
                timeout: 1
            """);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("es.test", "127.0.0.1"), daemon.Stdout);
        Assert.Contains("127.0.0.1  es.test search.test", dir.Hosts.Read());
        var request = servers[0].Requests.First();
        Assert.Equal(("GET", "/_cluster/health?local=true", "es.internal"),
            (request.Method, request.Target, request.Header("Host")));

        servers[0].Reply = HttpReply.Text(200, "status: red (");
        Assert.True(await dir.WaitForEntryAsync("es.test", "127.0.0.2"), daemon.Stdout);
        Assert.True(await daemon.WaitForStdoutAsync(
            o => o.Contains("es: backend 127.0.0.1 went down: body did not match"),
            TimeSpan.FromSeconds(5)), daemon.Stdout);

        servers[1].Reply = HttpReply.Text(503, "status: ready");
        servers[0].Reply = HttpReply.Text(200, "ready");
        Assert.True(await dir.WaitForEntryAsync("es.test", "127.0.0.1"), daemon.Stdout);
        foreach (var s in servers) s.Dispose();
    }
}
