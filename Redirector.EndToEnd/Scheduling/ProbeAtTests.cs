using System.Diagnostics;
using System.Threading.Channels;
using Redirector.Domain.Decision;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;
using Redirector.Shell.Running;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Scheduling;

/// <summary>ProbeAt: a probe at a given time unless the backend's turn comes first, never two
/// in flight. Periods are long, so any probe after the first is one that was asked for.</summary>
public sealed class ProbeAtTests(ITestOutputHelper output) : IAsyncLifetime
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    const int LongPeriod = 600;

    readonly Channel<Observation> channel = Channel.CreateUnbounded<Observation>();
    ProbeScheduler scheduler = null!;

    public Task InitializeAsync()
    {
        scheduler = new ProbeScheduler(channel.Writer);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await scheduler.StopAsync();

    async Task<List<Observation>> CollectAsync(TimeSpan span, int max = 1000)
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

    /// <summary>Starts one LB of one backend and reads its first (immediate) probe.</summary>
    async Task<BackendKey> StartAsync(Redirector.Domain.Config.HealthCheck check)
    {
        var lb = Some.Lb("web", check, "127.0.0.1");
        scheduler.Start(lb, 1);
        Assert.Single(await CollectAsync(Bound, max: 1));
        return new BackendKey("web", "127.0.0.1", check.Port);
    }

    [Fact]
    public async Task A_probe_asked_for_comes_at_its_time_long_before_the_regular_turn()
    {
        using var server = LoopbackTcpServer.Started();
        var key = await StartAsync(Some.Tcp(server.Port, periodSeconds: LongPeriod));
        var clock = Stopwatch.StartNew();

        scheduler.ProbeAt([key], Clock.NowMs() + 300);
        var next = await CollectAsync(Bound, max: 1);

        output.WriteLine($"asked for in 300 ms, came after {clock.ElapsedMilliseconds} ms");
        Assert.True(Assert.Single(next).Result.Ok);
        // Never early (the clock counts whole milliseconds: one of slack).
        Assert.True(clock.ElapsedMilliseconds >= 299, $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Two_asks_make_one_probe_at_the_earlier_time()
    {
        using var server = LoopbackTcpServer.Started();
        var key = await StartAsync(Some.Tcp(server.Port, periodSeconds: LongPeriod));

        scheduler.ProbeAt([key], Clock.NowMs() + 400);
        scheduler.ProbeAt([key], Clock.NowMs() + 100);
        var next = await CollectAsync(TimeSpan.FromSeconds(1.5));

        Assert.Single(next);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task A_probe_that_starts_first_answers_the_ask()
    {
        using var server = LoopbackTcpServer.Started();
        var key = await StartAsync(Some.Tcp(server.Port, periodSeconds: LongPeriod));

        scheduler.ProbeAt([key], Clock.NowMs() + 400);
        scheduler.ProbeNow([key]);
        var next = await CollectAsync(TimeSpan.FromSeconds(1.5));

        Assert.Single(next);
    }

    [Fact]
    public async Task A_regular_turn_before_the_ask_answers_it()
    {
        using var server = LoopbackTcpServer.Started();
        var key = await StartAsync(Some.Tcp(server.Port, periodSeconds: 2));
        Assert.Single(await CollectAsync(Bound, max: 1)); // a regular turn, at T
        var clock = Stopwatch.StartNew();

        // Turns come at T + 2 and T + 4. Were the ask not answered by the first, a probe at
        // T + 2.6 would follow it 0.6 s later; answered, probes stay a period apart.
        scheduler.ProbeAt([key], Clock.NowMs() + 2600);
        var times = new List<double>();
        for (var i = 0; i < 2 && clock.Elapsed < Bound; i++)
            if ((await CollectAsync(Bound, max: 1)).Count == 1)
                times.Add(clock.Elapsed.TotalSeconds);

        output.WriteLine($"probes at {string.Join(", ", times.Select(t => $"{t:0.00}"))} s");
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] > 1.2, $"{times[1] - times[0]:0.00} s apart");
    }

    [Fact]
    public async Task Asks_never_make_two_probes_in_flight()
    {
        var delay = TimeSpan.FromSeconds(0.3);
        using var slow = LoopbackHttpServer.Started(HttpReply.Ok().After(delay));
        var key = await StartAsync(Some.Http(slow.Port, timeoutSeconds: 2,
            periodSeconds: LongPeriod));
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 10; i++)
        {
            scheduler.ProbeAt([key], Clock.NowMs());
            scheduler.ProbeAt([key], Clock.NowMs() + 50);
            await Task.Delay(60);
        }
        var seen = await CollectAsync(Bound, max: 2);
        var requests = slow.Requests.Count - 1;
        var elapsed = clock.Elapsed;

        // One after another, each probe takes the server's delay: however slow the machine,
        // no more can have started than fit end to end, and one for slack. (The server's own
        // in-flight count lags behind a client that starts its next probe on the answer.)
        output.WriteLine($"{requests} probes asked for in {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, seen.Count);
        Assert.True(requests <= elapsed / delay + 2, $"{requests} probes in {elapsed}");
    }
}
