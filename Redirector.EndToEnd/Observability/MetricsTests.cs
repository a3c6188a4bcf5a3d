using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Observability;

/// <summary>Scrapes the real daemon's /metrics (on loopback) while a failover happens.</summary>
public sealed class MetricsTests
{
    static readonly string[] Three = ["127.0.0.1", "127.0.0.2", "127.0.0.3"];
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failover_moves_the_redirect_counter_and_the_active_backend_gauge()
    {
        var servers = LoopbackTcpServer.StartMany(Three);
        var port = Scrape.FreePort();
        using var dir = new ConfigDir($"metrics_listen: \"127.0.0.1:{port}\"\n" +
                                      "status_file: status.json\n");
        dir.WriteTcpLb("minio", servers[0].Port, Three);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.1"), daemon.Stdout);
        var before = "";
        Assert.True(await Wait.UntilAsync(() =>
        {
            before = Scrape.TextAsync(port).GetAwaiter().GetResult();
            // An LB may decide before the whole first round is in: wait for all three.
            return Scrape.Value(before, Active("127.0.0.1")) == 1
                   && Three.All(b => Scrape.Value(before, Up(b)) == 1);
        }, Patience, TimeSpan.FromMilliseconds(100)), before + daemon.Stdout);
        Assert.Equal(0, Scrape.Value(before, "redirector_redirects_total{lb=\"minio\"}"));
        Assert.Equal(1, Scrape.Value(before, Up("127.0.0.2")));
        Assert.True(Scrape.Value(before, "redirector_hosts_writes_total") >= 1, before);
        Assert.True(Scrape.Value(before, "redirector_hosts_last_write_timestamp_seconds") >
                    DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), before);
        Assert.True(Scrape.Value(before, "redirector_probe_duration_seconds_count{lb=\"minio\"}")
                    >= 3, before);

        servers[0].Stop();
        Assert.True(await dir.WaitForEntryAsync("minio.test", "127.0.0.2"), daemon.Stdout);
        var after = "";
        Assert.True(await Wait.UntilAsync(() =>
        {
            after = Scrape.TextAsync(port).GetAwaiter().GetResult();
            return Scrape.Value(after, Active("127.0.0.2")) == 1;
        }, Patience, TimeSpan.FromMilliseconds(100)), after + daemon.Stdout);
        Assert.Equal(1, Scrape.Value(after, "redirector_redirects_total{lb=\"minio\"}"));
        Assert.Null(Scrape.Value(after, Active("127.0.0.1")));
        Assert.Equal(0, Scrape.Value(after, Up("127.0.0.1")));
        Assert.True(Scrape.Value(after,
            "redirector_probe_failures_total{lb=\"minio\",reason=\"refused\"}") >= 1, after);
        Assert.True(Scrape.Value(after, "redirector_hosts_writes_total") >
                    Scrape.Value(before, "redirector_hosts_writes_total"), after);
        Assert.Equal(0, Scrape.Value(after, "redirector_hosts_write_failures_total"));
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Reloads_are_counted_by_outcome()
    {
        using var server = LoopbackTcpServer.Started();
        var port = Scrape.FreePort();
        var main = $"metrics_listen: \"127.0.0.1:{port}\"\nstatus_file: status.json\n";
        using var dir = new ConfigDir(main);
        dir.WriteTcpLb("db", server.Port, ["127.0.0.1"]);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);
        daemon.Signal("HUP");
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("config reloaded"), Patience),
            daemon.Stdout);
        dir.WriteMain(main + "log_level: LOUD\n");
        daemon.Signal("HUP");
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("config reload refused"),
            Patience), daemon.Stdout);
        var text = await Scrape.TextAsync(port);
        Assert.Equal(1, Scrape.Value(text, Reloads("applied")));
        Assert.Equal(1, Scrape.Value(text, Reloads("refused")));
    }

    [Fact]
    public async Task Without_metrics_listen_nothing_is_served()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir("status_file: status.json\n");
        dir.WriteTcpLb("db", server.Port, ["127.0.0.1"]);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);
        Assert.DoesNotContain("metrics served", daemon.Stdout);
    }

    static string Active(string backend) =>
        $"redirector_active_backend{{lb=\"minio\",backend=\"{backend}\",address=\"{backend}\"}}";

    static string Up(string backend) =>
        $"redirector_backend_up{{lb=\"minio\",backend=\"{backend}\"}}";

    static string Reloads(string outcome) =>
        $"redirector_config_reloads_total{{outcome=\"{outcome}\"}}";
}
