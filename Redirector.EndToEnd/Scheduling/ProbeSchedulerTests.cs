using System.Diagnostics;
using System.Threading.Channels;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Scheduling;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Scheduling;

public sealed class ProbeSchedulerTests(ITestOutputHelper output) : IAsyncLifetime
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    readonly Channel<Observation> channel = Channel.CreateUnbounded<Observation>();
    ProbeScheduler scheduler = null!;

    public Task InitializeAsync()
    {
        scheduler = new ProbeScheduler(channel);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await scheduler.StopAsync();

    /// <summary>Reads what arrived within <paramref name="span"/> (bounded by count too).</summary>
    async Task<List<Observation>> CollectAsync(TimeSpan span, int max = 100_000)
    {
        var seen = new List<Observation>();
        using var stop = new CancellationTokenSource(span);
        try
        {
            while (seen.Count < max && await channel.Reader.WaitToReadAsync(stop.Token))
                while (seen.Count < max && channel.Reader.TryRead(out var o)) seen.Add(o);
        }
        catch (OperationCanceledException)
        {
        }
        return seen;
    }

    [Fact]
    public async Task The_first_round_starts_at_once_whatever_the_period()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var a = servers[0];
        using var b = servers[1];
        var check = Some.Tcp(a.Port, periodSeconds: 600);
        var clock = Stopwatch.StartNew();

        scheduler.UpdateConfig(Some.Config(
            Some.Lb("alpha", check, "127.0.0.1", "127.0.0.2"),
            Some.Lb("beta", check, "127.0.0.2", "127.0.0.9")));
        var first = await CollectAsync(Bound, max: 4);

        output.WriteLine($"first round of 4 probes read after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(4, first.Select(o => o.Backend).Distinct().Count());
        var dead = first.Single(o => o.Backend == new BackendKey("beta", 1));
        Assert.Equal("refused", dead.Result.Reason);
    }

    [Fact]
    public async Task Every_backend_of_every_lb_is_probed_each_period()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var a = servers[0];
        using var b = servers[1];
        var check = Some.Tcp(a.Port, periodSeconds: 0.2);

        scheduler.UpdateConfig(Some.Config(
            Some.Lb("alpha", check, "127.0.0.1", "127.0.0.2"),
            Some.Lb("beta", check, "127.0.0.2", "127.0.0.9")));
        await CollectAsync(Bound, max: 4);
        // About 10 each in 2 s (period 0.2 s, after a phase of up to one period); the bounds
        // only say "again and again, never in a loop", so a loaded machine does not fail it.
        var later = await CollectAsync(TimeSpan.FromSeconds(2));

        var perBackend = later.GroupBy(o => o.Backend).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, perBackend.Count);
        Assert.All(perBackend.Values, count => Assert.InRange(count, 3, 15));
        Assert.All(later.Where(o => o.Backend.Lb == "alpha"), o => Assert.True(o.Result.Ok));
    }

    [Fact]
    public async Task A_backend_never_has_two_probes_in_flight()
    {
        var delay = TimeSpan.FromSeconds(0.4);
        using var slow = LoopbackHttpServer.Started(HttpReply.Ok().After(delay));
        var check = Some.Http(slow.Port, timeoutSeconds: 2, periodSeconds: 0.05);

        scheduler.UpdateConfig(Some.Config(Some.Lb("slow", check, "127.0.0.1")));
        var seen = await CollectAsync(Bound, max: 3);

        Assert.Equal(1, slow.MaxInFlight);
        Assert.Equal(3, seen.Count);
        Assert.All(seen, o => Assert.True(o.Result.Ok, o.Result.Reason));
    }

    [Fact]
    public async Task Each_probe_is_bounded_by_its_timeout_not_by_the_period()
    {
        using var hanging = new HangingServer();
        var check = Some.Tcp(hanging.Port, timeoutSeconds: 0.3, periodSeconds: 60);

        scheduler.UpdateConfig(Some.Config(Some.Lb("stuck", check, "127.0.0.1")));
        var seen = await CollectAsync(TimeSpan.FromSeconds(2), max: 1);

        var only = Assert.Single(seen);
        Assert.Equal("timeout after 0.3s", only.Result.Reason);
    }

    [Fact]
    public async Task Stop_cancels_hanging_probes_quickly_and_nothing_is_published_after()
    {
        using var hanging = new HangingServer();
        using var up = LoopbackTcpServer.Started();
        scheduler.UpdateConfig(Some.Config(
            Some.Lb("stuck", Some.Tcp(hanging.Port, timeoutSeconds: 30), "127.0.0.1"),
            Some.Lb("fine", Some.Tcp(up.Port, periodSeconds: 0.05), "127.0.0.1")));
        await CollectAsync(TimeSpan.FromSeconds(0.3));

        var clock = Stopwatch.StartNew();
        await scheduler.StopAsync();
        var stopTook = clock.Elapsed;
        while (channel.Reader.TryRead(out _)) { } // published before the stop: fine
        var after = await CollectAsync(TimeSpan.FromSeconds(0.5));

        output.WriteLine($"StopAsync took {stopTook.TotalMilliseconds:0} ms with a probe hanging");
        Assert.True(stopTook < TimeSpan.FromSeconds(5), $"StopAsync took {stopTook}");
        Assert.Empty(after);
    }

    [Fact]
    public async Task A_reload_that_races_a_stop_starts_nothing()
    {
        using var server = LoopbackTcpServer.Started();
        await scheduler.StopAsync();

        var change = scheduler.UpdateConfig(
            Some.Config(Some.Lb("late", Some.Tcp(server.Port), "127.0.0.1")));
        var seen = await CollectAsync(TimeSpan.FromSeconds(0.3));

        Assert.True(change.Started.IsEmpty);
        Assert.Empty(seen);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Update_keeps_unchanged_lbs_restarts_changed_ones_starts_and_stops_others()
    {
        using var server = LoopbackHttpServer.Started();
        var slow = Some.Http(server.Port, periodSeconds: 60);
        var kept = Some.Lb("kept", slow, "127.0.0.1");
        var changed = Some.Lb("changed", slow, "127.0.0.1");
        scheduler.UpdateConfig(Some.Config(kept, changed, Some.Lb("gone", slow, "127.0.0.1")));
        var initial = await CollectAsync(Bound, max: 3);

        var change = scheduler.UpdateConfig(Some.Config(
            kept with { SourceFile = "renamed.yml" },
            changed with { HealthCheck = slow with { Path = "/other" } },
            Some.Lb("new", slow, "127.0.0.1")));
        var after = await CollectAsync(Bound, max: 2);
        var more = await CollectAsync(TimeSpan.FromSeconds(0.3));

        Assert.Equal(3, initial.Count);
        Assert.Equal(new[] { "kept" }, change.Kept.ToArray());
        Assert.Equal(new[] { "changed" }, change.Restarted.ToArray());
        Assert.Equal(new[] { "new" }, change.Started.ToArray());
        Assert.Equal(new[] { "gone" }, change.Stopped.ToArray());
        Assert.Equal(new[] { "changed", "new" }, after.Select(o => o.Backend.Lb).Order().ToArray());
        Assert.Empty(more);
        Assert.Contains(server.Requests, r => r.Path == "/other");
    }

    [Fact]
    public async Task Unread_results_of_a_restarted_lb_are_taken_out_and_others_kept_in_order()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var live = servers[0];
        using var dead = servers[1];
        dead.Stop();
        var check = Some.Tcp(live.Port, periodSeconds: 60);
        var changed = Some.Lb("changed", check, "127.0.0.2");
        scheduler.UpdateConfig(Some.Config(Some.Lb("kept", check, "127.0.0.1"), changed));
        Assert.True(await Wait.UntilAsync(() => channel.Reader.Count == 2, Bound));

        var change = scheduler.UpdateConfig(Some.Config(Some.Lb("kept", check, "127.0.0.1"),
            changed with { Backends = Prelude.Seq1(new Backend("127.0.0.1", 0)) }));
        var after = await CollectAsync(Bound, max: 2);

        Assert.Equal(1, change.Discarded);
        Assert.Equal("kept", after[0].Backend.Lb);
        var fresh = Assert.Single(after, o => o.Backend.Lb == "changed");
        Assert.True(fresh.Result.Ok, fresh.Result.Reason);
    }

    [Fact]
    public async Task Given_only_the_writer_nothing_already_published_is_taken_out()
    {
        var writerOnly = Channel.CreateUnbounded<Observation>();
        await using var plain = new ProbeScheduler(writerOnly.Writer);
        using var server = LoopbackTcpServer.Started();
        var check = Some.Tcp(server.Port, periodSeconds: 60);
        plain.UpdateConfig(Some.Config(Some.Lb("a", check, "127.0.0.1")));
        Assert.True(await Wait.UntilAsync(() => writerOnly.Reader.Count == 1, Bound));

        var change = plain.UpdateConfig(Some.Config());

        Assert.Equal(0, change.Discarded);
        Assert.Equal(1, writerOnly.Reader.Count);
    }

    [Fact]
    public async Task A_thousand_backends_run_on_a_handful_of_threads()
    {
        using var server = LoopbackTcpServer.Started();
        var check = Some.Tcp(server.Port, periodSeconds: 1);
        var lbs = Enumerable.Range(0, 10).Select(i =>
            Some.Lb($"lb{i}", check, Enumerable.Repeat("127.0.0.1", 100).ToArray())).ToArray();
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;
        var clock = Stopwatch.StartNew();

        scheduler.UpdateConfig(Some.Config(lbs));
        // A backend's second probe may come within the first round (the LB's phase places it
        // anywhere in the period), so collect past 1,000 results to see every backend.
        var seen = await CollectAsync(Bound, max: 1500);
        var firstRound = clock.Elapsed;
        var threadsDuring = Process.GetCurrentProcess().Threads.Count;

        output.WriteLine($"1000 backends: first round in {firstRound.TotalMilliseconds:0} ms, " +
                         $"threads {threadsBefore} -> {threadsDuring}");
        Assert.Equal(1000, seen.Select(o => o.Backend).Distinct().Count());
        Assert.All(seen, o => Assert.True(o.Result.Ok, o.Result.Reason));
        Assert.True(threadsDuring < threadsBefore + 50,
            $"threads {threadsBefore} -> {threadsDuring}");
    }
}
