using System.Diagnostics;
using System.Threading.Channels;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Scheduling;

public sealed class ProbeSchedulerTests(ITestOutputHelper output) : IAsyncLifetime
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    readonly Channel<Observation> channel = Channel.CreateUnbounded<Observation>();
    ProbeScheduler scheduler = null!;

    public Task InitializeAsync()
    {
        scheduler = new ProbeScheduler(channel.Writer);
        return Task.CompletedTask;
    }

    /// <summary>As the core starts a config: every LB under one generation.</summary>
    static void StartAll(ProbeScheduler scheduler, Configuration config, int generation = 1)
    {
        foreach (var lb in config.Lbs.Values) scheduler.Start(lb, generation);
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

        StartAll(scheduler, Some.Config(
            Some.Lb("alpha", check, "127.0.0.1", "127.0.0.2"),
            Some.Lb("beta", check, "127.0.0.2", "127.0.0.9")));
        var first = await CollectAsync(Bound, max: 4);

        output.WriteLine($"first round of 4 probes read after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(4, first.Select(o => o.Backend).Distinct().Count());
        var dead = first.Single(o => o.Backend == new BackendKey("beta", "127.0.0.9", a.Port));
        Assert.Equal("refused", dead.Result.Reason);
    }

    [Fact]
    public async Task Every_backend_of_every_lb_is_probed_each_period()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var a = servers[0];
        using var b = servers[1];
        var check = Some.Tcp(a.Port, periodSeconds: 0.2);

        StartAll(scheduler, Some.Config(
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

        StartAll(scheduler, Some.Config(Some.Lb("slow", check, "127.0.0.1")));
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

        StartAll(scheduler, Some.Config(Some.Lb("stuck", check, "127.0.0.1")));
        var seen = await CollectAsync(TimeSpan.FromSeconds(2), max: 1);

        var only = Assert.Single(seen);
        Assert.Equal("timeout after 0.3s", only.Result.Reason);
    }

    [Fact]
    public async Task Stop_cancels_hanging_probes_quickly_and_nothing_is_published_after()
    {
        using var hanging = new HangingServer();
        using var up = LoopbackTcpServer.Started();
        StartAll(scheduler, Some.Config(
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
    public async Task A_start_that_races_a_stop_starts_nothing()
    {
        using var server = LoopbackTcpServer.Started();
        await scheduler.StopAsync();

        scheduler.Start(Some.Lb("late", Some.Tcp(server.Port), "127.0.0.1"), 2);
        var seen = await CollectAsync(TimeSpan.FromSeconds(0.3));

        Assert.Empty(seen);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Schedules_start_and_stop_per_generation_and_stamp_their_results()
    {
        using var server = LoopbackHttpServer.Started();
        var slow = Some.Http(server.Port, periodSeconds: 60);
        var kept = Some.Lb("kept", slow, "127.0.0.1");
        var changed = Some.Lb("changed", slow, "127.0.0.1");
        StartAll(scheduler, Some.Config(kept, changed, Some.Lb("gone", slow, "127.0.0.1")));
        var initial = await CollectAsync(Bound, max: 3);

        // What the core decides on a reload: the kept LB's schedule of generation 1 runs on.
        scheduler.Stop("kept", 2);
        scheduler.Stop("changed", 1);
        scheduler.Start(changed with { HealthCheck = slow with { Path = "/other" } }, 2);
        scheduler.Start(Some.Lb("new", slow, "127.0.0.1"), 2);
        scheduler.Stop("gone", 1);
        var after = await CollectAsync(Bound, max: 2);
        var more = await CollectAsync(TimeSpan.FromSeconds(0.3));

        Assert.All(initial, o => Assert.Equal(1, o.Generation));
        Assert.Equal(new[] { "changed", "new" }, after.Select(o => o.Backend.Lb).Order().ToArray());
        Assert.All(after, o => Assert.Equal(2, o.Generation));
        Assert.Empty(more);
        Assert.Contains(server.Requests, r => r.Path == "/other");
    }

    [Fact]
    public async Task A_restarted_lb_s_queued_results_keep_their_old_generation()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var live = servers[0];
        using var dead = servers[1];
        dead.Stop();
        var check = Some.Tcp(live.Port, periodSeconds: 60);
        var changed = Some.Lb("changed", check, "127.0.0.2");
        StartAll(scheduler, Some.Config(Some.Lb("kept", check, "127.0.0.1"), changed));
        Assert.True(await Wait.UntilAsync(() => channel.Reader.Count == 2, Bound));

        scheduler.Stop("changed", 1);
        scheduler.Start(changed with { Backends = Prelude.Seq1(new Backend("127.0.0.1", 0)) }, 2);
        var after = await CollectAsync(Bound, max: 3);

        var stale = Assert.Single(after, o => o.Backend.Lb == "changed" && o.Generation == 1);
        Assert.False(stale.Result.Ok);
        var fresh = Assert.Single(after, o => o.Backend.Lb == "changed" && o.Generation == 2);
        Assert.True(fresh.Result.Ok, fresh.Result.Reason);
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

        StartAll(scheduler, Some.Config(lbs));
        // A backend's second probe may come within the first round (the LB's phase places it
        // anywhere in the period), so collect past 1,000 results to see every backend.
        var seen = await CollectAsync(Bound, max: 1500);
        var firstRound = clock.Elapsed;
        var threadsDuring = Process.GetCurrentProcess().Threads.Count;

        output.WriteLine($"1000 backends: first round in {firstRound.TotalMilliseconds:0} ms, " +
                         $"threads {threadsBefore} -> {threadsDuring}");
        // A host listed a hundred times is one key; each LB's count shows its backends ran.
        Assert.All(seen.GroupBy(o => o.Backend.Lb), g => Assert.True(g.Count() >= 100));
        Assert.Equal(10, seen.Select(o => o.Backend.Lb).Distinct().Count());
        Assert.All(seen, o => Assert.True(o.Result.Ok, o.Result.Reason));
        Assert.True(threadsDuring < threadsBefore + 50,
            $"threads {threadsBefore} -> {threadsDuring}");
    }
}
