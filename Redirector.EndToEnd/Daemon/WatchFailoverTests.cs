using System.Diagnostics;
using Redirector.EndToEnd.Support;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Daemon;

/// <summary>Watch connections through the daemon: with a long period, a backend process that
/// dies (its listener and every connection closed) is failed over long before its next
/// regular probe; with <c>watch: false</c> it is not. A lost watch alone moves nothing; and
/// fast re-probes (ProbeAt) take a failing backend to <c>fall</c> within a period.</summary>
public sealed class WatchFailoverTests(ITestOutputHelper output)
{
    const int Period = 10;
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    static string Lb(int port, bool watch, int fall = 1, int period = Period) => $"""
        name: web
        local_host: web.test
        backend_hosts: ["127.0.0.1", "127.0.0.2"]
        strategy: sequential
        healthcheck:
          type: tcp
          period: {period}
          fall: {fall}
          watch: {(watch ? "true" : "false")}
          config:
            port: {port}
            timeout: 1
        """;

    /// <summary>Starts the daemon on two holding backends and returns once the first is the
    /// entry and a regular probe round has just happened (probes close their connections at
    /// once, so the second backend's closed connections count its probes): the next regular
    /// round is a period away.</summary>
    static async Task<ShellProcess> StartAfterARegularRoundAsync(
        ConfigDir dir, HoldingServer first, HoldingServer second, bool watch, int fall = 1,
        int period = Period)
    {
        dir.WriteLb("web", Lb(first.Port, watch, fall, period));
        var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("web.test", "127.0.0.1"), daemon.Stdout);
        var probesAtStart = second.ClosedByClient;
        Assert.True(await Wait.UntilAsync(() => second.ClosedByClient > probesAtStart,
            TimeSpan.FromSeconds(period + 5)), daemon.Stdout);
        return daemon;
    }

    [Fact]
    public async Task A_dead_active_backend_is_failed_over_before_its_next_regular_probe()
    {
        using var first = new HoldingServer("127.0.0.1");
        using var second = new HoldingServer("127.0.0.2", first.Port);
        using var dir = new ConfigDir();
        using var daemon = await StartAfterARegularRoundAsync(dir, first, second, watch: true);
        Assert.True(await Wait.UntilAsync(() => first.Open >= 1, Bound), daemon.Stdout);
        var clock = Stopwatch.StartNew();

        first.Dispose();
        var moved = await dir.WaitForEntryAsync("web.test", "127.0.0.2", seconds: Period);

        output.WriteLine($"moved after {clock.ElapsedMilliseconds} ms (period {Period} s)");
        output.WriteLine(daemon.Stdout);
        Assert.True(moved, daemon.Stdout);
        // Half a period: the regular round that could also have found it is a period away.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(Period / 2.0),
            $"moved after {clock.Elapsed}, not before the next regular probe\n{daemon.Stdout}");
    }

    [Fact]
    public async Task Without_watch_it_waits_for_the_regular_probe()
    {
        using var first = new HoldingServer("127.0.0.1");
        using var second = new HoldingServer("127.0.0.2", first.Port);
        using var dir = new ConfigDir();
        using var daemon = await StartAfterARegularRoundAsync(dir, first, second, watch: false);
        Assert.False(await Wait.UntilAsync(() => first.Open >= 1, TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();

        first.Dispose();
        await Task.Delay(TimeSpan.FromSeconds(Period / 2.0));
        var early = dir.EntryFor("web.test");
        var moved = await dir.WaitForEntryAsync("web.test", "127.0.0.2", seconds: Period + 5);

        output.WriteLine($"moved: {moved} after {clock.ElapsedMilliseconds} ms (period {Period} s)");
        Assert.Equal("127.0.0.1", early);
        Assert.True(moved, daemon.Stdout);
    }

    [Fact]
    public async Task A_lost_watch_is_a_hint_the_probe_decides()
    {
        using var first = new HoldingServer("127.0.0.1");
        using var second = new HoldingServer("127.0.0.2", first.Port);
        using var dir = new ConfigDir();
        using var daemon = await StartAfterARegularRoundAsync(dir, first, second, watch: true);
        Assert.True(await Wait.UntilAsync(() => first.Open >= 1, Bound), daemon.Stdout);

        // The backend closes its idle connections but still listens: alive.
        first.CloseAll();
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("watch connection to 127.0.0.1 lost"),
            Bound), daemon.Stdout);
        await Task.Delay(TimeSpan.FromSeconds(1));

        output.WriteLine(daemon.Stdout);
        Assert.Equal("127.0.0.1", dir.EntryFor("web.test"));
        Assert.DoesNotContain("went down", daemon.Stdout);
    }

    [Fact]
    public async Task With_fall_3_the_failures_after_the_first_come_at_the_fast_interval()
    {
        const int period = 4;
        using var first = new HoldingServer("127.0.0.1");
        using var second = new HoldingServer("127.0.0.2", first.Port);
        using var dir = new ConfigDir();
        using var daemon = await StartAfterARegularRoundAsync(
            dir, first, second, watch: false, fall: 3, period: period);
        var clock = Stopwatch.StartNew();

        first.Dispose();
        // The next regular probe fails (within a period); fast re-probes (0.25 s apart) reach
        // fall long before the two more periods regular probes alone would take.
        var moved = await dir.WaitForEntryAsync("web.test", "127.0.0.2", seconds: 3 * period + 5);

        output.WriteLine($"moved after {clock.ElapsedMilliseconds} ms (period {period} s, fall 3)");
        output.WriteLine(daemon.Stdout);
        Assert.True(moved, daemon.Stdout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2 * period),
            $"moved after {clock.Elapsed}\n{daemon.Stdout}");
    }
}
