using Redirector.Domain.Decision;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Observing;
using Serilog.Events;
using static LanguageExt.Prelude;

namespace Redirector.EndToEnd.Logging;

/// <summary>The watch events in the log's words: a dropped watch at INFO (a probe follows at
/// once), a backend that is not watched for a while at WARNING with why and for how long,
/// connections opened or not at DEBUG; the commands that carry them out say nothing.</summary>
public sealed class WatchLogTests
{
    readonly RecordedLog recorded = new();

    (LogEventLevel Level, string Text) Logged(Effect effect)
    {
        new EffectLog(recorded.Logger, "/tmp/hosts", "/tmp/config.yml").Write(effect);
        return Assert.Single(recorded.Lines);
    }

    [Fact]
    public void A_dropped_watch_is_information_and_says_the_backend_is_probed_now() =>
        Assert.Equal((LogEventLevel.Information,
                "web: watch connection to 127.0.0.1 lost (closed by the peer); probing it now"),
            Logged(new Effect.WatchDropped(5, Watches.One, "closed by the peer")));

    [Fact]
    public void A_backend_not_watchable_is_a_warning_saying_why_and_for_how_long() =>
        Assert.Equal((LogEventLevel.Warning,
                "web: backend 127.0.0.2 is not watched for 10 min: it closed 3 watch " +
                "connections in a row within 30 s; its probes alone decide meanwhile"),
            Logged(new Effect.NotWatchable(1_000, Watches.Two,
                "it closed 3 watch connections in a row within 30 s", 601_000)));

    [Fact]
    public void An_opened_watch_is_debug() =>
        Assert.Equal((LogEventLevel.Debug, "web: watch connection to 127.0.0.1 open"),
            Logged(new Effect.WatchConnected(5, Watches.One)));

    [Fact]
    public void A_watch_not_opened_is_debug_and_not_a_failure_of_the_backend() =>
        Assert.Equal((LogEventLevel.Debug,
                "web: watch connection to 127.0.0.1 not opened (connection refused); tried " +
                "again later"),
            Logged(new Effect.WatchNotConnected(5, Watches.One, "connection refused")));

    [Fact]
    public void Opening_watches_and_probing_at_a_time_are_carried_out_silently()
    {
        var log = new EffectLog(recorded.Logger, "/tmp/hosts", "/tmp/config.yml");
        log.Write(new Effect.ProbeAt(Seq1(Watches.One), 250));
        log.Write(new Effect.OpenWatch(Watches.One, 1, Watches.Address("127.0.0.1"),
            TimeSpan.FromSeconds(1)));
        Assert.Empty(recorded.Lines);
    }

    [Theory]
    [InlineData(600_000, "10 min")]
    [InlineData(30_000, "30 s")]
    [InlineData(90_000, "90 s")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(250, "250 ms")]
    public void Spans_read_as_an_operator_would_say_them(long ms, string words) =>
        Assert.Equal(words, WatchText.Span(ms));
}
