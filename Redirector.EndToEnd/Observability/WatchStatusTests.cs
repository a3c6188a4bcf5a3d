using System.Text.Json;
using Redirector.Domain.Decision;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Observing;
using static LanguageExt.Prelude;

namespace Redirector.EndToEnd.Observability;

/// <summary>Each backend's watch in the status file and the <c>status</c> table, as the events
/// leave it: "-" before the first attempt, "off" with <c>watch: false</c>, then connected,
/// lost, not connected or not watchable until a clock time. Status files without the field
/// (older daemons) still read.</summary>
public sealed class WatchStatusTests
{
    static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(1));
    readonly StatusTracker tracker = new(42, Start);
    readonly State state = Watches.State();

    StatusSnapshot Snapshot(DateTimeOffset now) => tracker.Snapshot(state, "/tmp/hosts", now);

    WatchStatus? Watch(string lb, int backend) =>
        Snapshot(Start).Lbs.Single(l => l.Name == lb).Backends[backend].Watch;

    string Row(string host, DateTimeOffset now) =>
        StatusTable.Render(Snapshot(now), now).Split('\n')
            .Single(line => line.TrimStart(' ', '*').StartsWith(host + " ",
                StringComparison.Ordinal));

    [Fact]
    public void Before_the_first_attempt_the_watch_is_null_and_shown_as_a_dash()
    {
        Assert.Null(Watch("web", 0));
        Assert.EndsWith(" -", Row("127.0.0.1", Start));
    }

    [Fact]
    public void An_lb_with_watch_false_shows_off()
    {
        Assert.Equal(new WatchStatus(WatchStatus.Off), Watch("quiet", 0));
        Assert.EndsWith(" off", Row("127.0.0.3", Start));
    }

    [Fact]
    public void A_connected_watch_shows_since_when()
    {
        tracker.Apply(new Effect.WatchConnected(1, Watches.One), Start);
        Assert.Equal(new WatchStatus(WatchStatus.Connected, Start), Watch("web", 0));
        Assert.EndsWith(" connected for 3m05s", Row("127.0.0.1", Start.AddSeconds(185)));
    }

    [Fact]
    public void A_lost_watch_shows_how_long_ago_and_how()
    {
        tracker.Apply(new Effect.WatchConnected(1, Watches.One), Start);
        tracker.Apply(new Effect.WatchDropped(9, Watches.One, "closed by the peer"), Start);
        Assert.Equal(new WatchStatus(WatchStatus.Lost, Start, "closed by the peer"),
            Watch("web", 0));
        Assert.EndsWith(" lost 3.0s ago (closed by the peer)",
            Row("127.0.0.1", Start.AddSeconds(3)));
    }

    [Fact]
    public void A_watch_not_connected_shows_the_reason()
    {
        tracker.Apply(new Effect.WatchNotConnected(1, Watches.Two, "connection refused"), Start);
        Assert.EndsWith(" not connected: connection refused", Row("127.0.0.2", Start));
    }

    [Fact]
    public void A_backend_not_watchable_shows_until_when_in_the_readers_offset_and_why()
    {
        tracker.Apply(new Effect.NotWatchable(1_000, Watches.Two,
            "it closed 3 watch connections in a row within 30 s", 601_000), Start);
        Assert.Equal(new WatchStatus(WatchStatus.NotWatchable, Start,
                "it closed 3 watch connections in a row within 30 s", Start.AddMinutes(10)),
            Watch("web", 1));
        Assert.EndsWith(" not watchable until 12:10:00: it closed 3 watch connections in a " +
                        "row within 30 s", Row("127.0.0.2", Start));
        Assert.EndsWith(" not watchable until 11:10:00: it closed 3 watch connections in a " +
                        "row within 30 s", Row("127.0.0.2", Start.ToUniversalTime()));
    }

    [Fact]
    public void The_table_has_a_watch_column_after_the_reason()
    {
        var header = StatusTable.Render(Snapshot(Start), Start).Split('\n')
            .First(line => line.Contains("BACKEND", StringComparison.Ordinal));
        Assert.Matches(@"REASON +WATCH$", header);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_restart_or_removal_of_the_LB_forgets_its_watches(bool restarted)
    {
        tracker.Apply(new Effect.WatchConnected(1, Watches.One), Start);
        var web = Seq1("web");
        tracker.Apply(restarted
            ? Watches.Reloaded(2, web, Seq<string>())
            : Watches.Reloaded(2, Seq<string>(), web), Start);
        Assert.Null(Watch("web", 0));
    }

    [Fact]
    public void The_status_file_holds_each_backends_watch_in_snake_case()
    {
        tracker.Apply(new Effect.WatchNotConnected(1, Watches.Two, "timed out"), Start);
        var json = JsonSerializer.Serialize(Snapshot(Start), StatusJson.Default.StatusSnapshot);
        var lbs = JsonDocument.Parse(json).RootElement.GetProperty("lbs");
        var web = lbs.EnumerateArray().Single(l => l.GetProperty("name").GetString() == "web");
        Assert.Equal(JsonValueKind.Null, web.GetProperty("backends")[0].GetProperty("watch")
            .ValueKind);
        var watch = web.GetProperty("backends")[1].GetProperty("watch");
        Assert.Equal("not_connected", watch.GetProperty("state").GetString());
        Assert.Equal("timed out", watch.GetProperty("reason").GetString());
        Assert.Equal(Start, watch.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, watch.GetProperty("until").ValueKind);
    }

    [Fact]
    public void A_status_file_without_watches_still_reads_and_shows_a_dash()
    {
        var old = JsonSerializer.Deserialize("""
            {"version":1,"pid":7,"started_at":"2026-01-01T00:00:00+00:00",
             "written_at":"2026-01-01T00:00:00+00:00","hosts_file":"/etc/hosts",
             "first_decisions_made":true,"lbs":[{"name":"web","local_host":"web.test",
             "strategy":"sequential","active":"127.0.0.1","address":"127.0.0.1",
             "active_since":null,"all_down":false,"backends":[{"host":"127.0.0.1",
             "state":"up","address":"127.0.0.1","smoothed_ms":0.5,"last_probe":null}]}]}
            """, StatusJson.Default.StatusSnapshot);
        Assert.NotNull(old);
        Assert.Null(old.Lbs[0].Backends[0].Watch);
        Assert.Matches(@"\* 127\.0\.0\.1 +up .* -\n",
            StatusTable.Render(old, DateTimeOffset.Parse("2026-01-01T00:00:01+00:00")));
    }
}
