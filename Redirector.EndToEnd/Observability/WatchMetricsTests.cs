using System.Text;
using Prometheus;
using Redirector.Domain.Decision;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Observing;
using static LanguageExt.Prelude;

namespace Redirector.EndToEnd.Observability;

/// <summary>The watch series as the events move them: connected 1 while a watch is open and 0
/// once it is lost, refused or given up; losses counted per LB; a reload that restarts or
/// removes an LB takes its watch series away.</summary>
public sealed class WatchMetricsTests
{
    readonly CollectorRegistry registry = Metrics.NewCustomRegistry();
    readonly RedirectorMetrics metrics;
    readonly State state = Watches.State();

    public WatchMetricsTests() => metrics = new RedirectorMetrics(registry);

    [Fact]
    public async Task Before_any_watch_there_is_no_watch_series()
    {
        var text = await Text();
        Assert.DoesNotContain("redirector_watch_connected{", text);
        Assert.DoesNotContain("redirector_watch_lost_total{", text);
    }

    [Fact]
    public async Task An_open_watch_is_1_and_its_LB_has_lost_none_yet()
    {
        metrics.Apply(new Effect.WatchConnected(1, Watches.One), state);
        var text = await Text();
        Assert.Equal(1, Scrape.Value(text, Connected("127.0.0.1")));
        Assert.Null(Scrape.Value(text, Connected("127.0.0.2")));
        Assert.Equal(0, Scrape.Value(text, Lost));
    }

    [Fact]
    public async Task A_lost_watch_is_0_and_counted()
    {
        metrics.Apply(new Effect.WatchConnected(1, Watches.One), state);
        metrics.Apply(new Effect.WatchConnected(1, Watches.Two), state);
        metrics.Apply(new Effect.WatchDropped(2, Watches.One, "reset by the peer"), state);
        metrics.Apply(new Effect.WatchConnected(3, Watches.One), state);
        metrics.Apply(new Effect.WatchDropped(4, Watches.One, "closed by the peer"), state);
        var text = await Text();
        Assert.Equal(0, Scrape.Value(text, Connected("127.0.0.1")));
        Assert.Equal(1, Scrape.Value(text, Connected("127.0.0.2")));
        Assert.Equal(2, Scrape.Value(text, Lost));
    }

    [Fact]
    public async Task A_watch_not_opened_or_given_up_is_0_and_no_loss()
    {
        metrics.Apply(new Effect.WatchNotConnected(1, Watches.One, "connection refused"), state);
        metrics.Apply(new Effect.NotWatchable(1, Watches.Two, "it refused 3", 600_001), state);
        var text = await Text();
        Assert.Equal(0, Scrape.Value(text, Connected("127.0.0.1")));
        Assert.Equal(0, Scrape.Value(text, Connected("127.0.0.2")));
        Assert.Null(Scrape.Value(text, Lost));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_restarted_or_removed_LB_loses_its_watch_series(bool restarted)
    {
        metrics.Apply(new Effect.WatchConnected(1, Watches.One), state);
        metrics.Apply(new Effect.WatchConnected(1, Watches.Two), state);
        metrics.Apply(new Effect.WatchConnected(1, new BackendKey("quiet", "127.0.0.3", 9000)),
            state);
        var web = Seq1("web");
        metrics.Apply(restarted
            ? Watches.Reloaded(2, web, Seq<string>())
            : Watches.Reloaded(2, Seq<string>(), web), state);
        var text = await Text();
        Assert.Null(Scrape.Value(text, Connected("127.0.0.1")));
        Assert.Null(Scrape.Value(text, Connected("127.0.0.2")));
        Assert.Equal(1, Scrape.Value(text,
            "redirector_watch_connected{lb=\"quiet\",backend=\"127.0.0.3\"}"));
    }

    async Task<string> Text()
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    const string Lost = "redirector_watch_lost_total{lb=\"web\"}";

    static string Connected(string backend) =>
        $"redirector_watch_connected{{lb=\"web\",backend=\"{backend}\"}}";
}
