using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Watching;

/// <summary>The watch engine against loopback listeners: what it reports, and that a stopped
/// watch says nothing.</summary>
public sealed class WatchSetTests : IDisposable
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    readonly Channel<Input> channel = Channel.CreateUnbounded<Input>();
    readonly ITestOutputHelper output;
    readonly WatchSet watches;
    int rings;

    public WatchSetTests(ITestOutputHelper output)
    {
        this.output = output;
        watches = new WatchSet(channel.Writer) { Published = () => Interlocked.Increment(ref rings) };
    }

    public void Dispose() => watches.Dispose();

    static BackendKey Key(string lb, string host, int port) => new(lb, host, port);

    static Effect.OpenWatch Open(string lb, string host, int port, int generation = 1,
        TimeSpan? timeout = null) =>
        new(Key(lb, host, port), generation,
            IpLiteral.TryParse(host).IfNone(() => throw new ArgumentException(host)),
            timeout ?? ConnectTimeout);

    /// <summary>The next report, or null after <paramref name="within"/>.</summary>
    async Task<Input?> NextAsync(TimeSpan within)
    {
        using var stop = new CancellationTokenSource(within);
        try
        {
            return await channel.Reader.ReadAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    async Task<List<Input>> CollectAsync(int count, TimeSpan within)
    {
        var seen = new List<Input>();
        var clock = Stopwatch.StartNew();
        while (seen.Count < count && clock.Elapsed < within)
            if (await NextAsync(within - clock.Elapsed) is { } input) seen.Add(input);
        return seen;
    }

    [Fact]
    public async Task Opened_then_lost_when_the_peer_closes()
    {
        using var server = new HoldingServer();

        watches.Open(Open("web", server.Host, server.Port, generation: 7));
        var opened = Assert.IsType<Input.WatchOpened>(await NextAsync(Bound));
        Assert.True(await Wait.UntilAsync(() => server.Held == 1, Bound));
        Assert.Null(await NextAsync(Quiet));
        server.CloseAll();
        var lost = Assert.IsType<Input.WatchLost>(await NextAsync(Bound));

        Assert.Equal(Key("web", server.Host, server.Port), opened.Backend);
        Assert.Equal(7, opened.Generation);
        Assert.Equal((opened.Backend, 7, "closed by the peer"),
            (lost.Backend, lost.Generation, lost.How));
        Assert.True(lost.Now >= opened.Now, $"{lost.Now} < {opened.Now}");
        Assert.True(rings >= 2, $"{rings} rings");
        Assert.Equal(0, watches.Count);
    }

    [Fact]
    public async Task Lost_when_the_peer_resets()
    {
        using var server = new HoldingServer();

        watches.Open(Open("web", server.Host, server.Port));
        Assert.IsType<Input.WatchOpened>(await NextAsync(Bound));
        Assert.True(await Wait.UntilAsync(() => server.Held == 1, Bound));
        server.CloseAll(reset: true);
        var lost = Assert.IsType<Input.WatchLost>(await NextAsync(Bound));

        Assert.Equal("reset by the peer", lost.How);
    }

    [Fact]
    public async Task Bytes_the_peer_sends_are_dropped_and_the_watch_stays()
    {
        using var server = new HoldingServer();

        watches.Open(Open("web", server.Host, server.Port));
        Assert.IsType<Input.WatchOpened>(await NextAsync(Bound));
        Assert.True(await Wait.UntilAsync(() => server.Held == 1, Bound));
        for (var i = 0; i < 20; i++) server.SendToAll(new byte[3000]);
        Assert.Null(await NextAsync(Quiet));
        server.CloseAll();

        Assert.Equal("closed by the peer",
            Assert.IsType<Input.WatchLost>(await NextAsync(Bound)).How);
    }

    [Fact]
    public async Task A_refused_connect_is_a_failed_watch()
    {
        // Bound, not listening: the port stays this test's, and a connect to it is refused.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;

        watches.Open(Open("web", "127.0.0.1", port, generation: 3));
        var failed = Assert.IsType<Input.WatchFailed>(await NextAsync(Bound));

        Assert.Equal((Key("web", "127.0.0.1", port), 3, "refused"),
            (failed.Backend, failed.Generation, failed.Reason));
        Assert.Null(await NextAsync(Quiet));
    }

    [Fact]
    public async Task A_connect_to_a_full_accept_queue_times_out()
    {
        using var hanging = new HangingServer();

        watches.Open(Open("web", hanging.Host, hanging.Port, timeout: TimeSpan.FromSeconds(0.3)));
        var failed = Assert.IsType<Input.WatchFailed>(await NextAsync(Bound));

        Assert.Equal("timed out after 0.3 s", failed.Reason);
        Assert.Equal(0, watches.Count);
    }

    [Fact]
    public async Task Nothing_is_reported_for_a_stopped_generation()
    {
        using var server = new HoldingServer();
        using var other = new HoldingServer("127.0.0.2");
        using var hanging = new HangingServer();
        watches.Open(Open("web", server.Host, server.Port, generation: 1));
        watches.Open(Open("web", other.Host, other.Port, generation: 2));
        watches.Open(Open("web", hanging.Host, hanging.Port, generation: 1,
            timeout: TimeSpan.FromSeconds(0.3)));
        var opened = await CollectAsync(2, Bound);
        Assert.All(opened, o => Assert.IsType<Input.WatchOpened>(o));

        watches.Stop("web", 1);
        Assert.True(await Wait.UntilAsync(() => server.ClosedByClient == 1, Bound));
        server.CloseAll();
        other.CloseAll();
        var after = await CollectAsync(2, TimeSpan.FromSeconds(1.5));

        // The connecting watch's deadline passed meanwhile: stopped, it says nothing either.
        var only = Assert.Single(after);
        Assert.Equal(("127.0.0.2", 2),
            (Assert.IsType<Input.WatchLost>(only).Backend.Host, ((Input.WatchLost)only).Generation));
    }

    [Fact]
    public async Task A_second_watch_of_a_backend_replaces_the_first_silently()
    {
        using var server = new HoldingServer();
        watches.Open(Open("web", server.Host, server.Port));
        Assert.IsType<Input.WatchOpened>(await NextAsync(Bound));

        watches.Open(Open("web", server.Host, server.Port));
        Assert.IsType<Input.WatchOpened>(await NextAsync(Bound));
        Assert.True(await Wait.UntilAsync(() => server.ClosedByClient == 1, Bound));

        Assert.Null(await NextAsync(Quiet));
        Assert.Equal(1, watches.Count);
    }

    [Fact]
    public async Task Dispose_closes_every_watch_silently()
    {
        using var server = new HoldingServer();
        watches.Open(Open("a", server.Host, server.Port));
        watches.Open(Open("b", server.Host, server.Port));
        Assert.Equal(2, (await CollectAsync(2, Bound)).Count);

        watches.Dispose();

        Assert.True(await Wait.UntilAsync(() => server.ClosedByClient == 2, Bound));
        Assert.Null(await NextAsync(Quiet));
        watches.Open(Open("c", server.Host, server.Port));
        Assert.Null(await NextAsync(Quiet));
    }

    [Fact]
    public async Task A_thousand_watches_cost_no_thread_each()
    {
        const int count = 1000;
        using var server = new HoldingServer(backlog: 1024);
        var threadsBefore = Process.GetCurrentProcess().Threads.Count;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < count; i++) watches.Open(Open($"lb{i}", server.Host, server.Port));
        var opened = await CollectAsync(count, TimeSpan.FromSeconds(30));
        var openTook = clock.Elapsed;
        var threadsOpen = Process.GetCurrentProcess().Threads.Count;
        // Both ends are in this process: the server's sockets count too (an upper bound).
        var perWatch = (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / count;
        clock.Restart();
        Assert.True(await Wait.UntilAsync(() => server.Held == count, Bound));
        server.CloseAll();
        var lost = await CollectAsync(count, TimeSpan.FromSeconds(30));

        output.WriteLine($"{count} watches opened in {openTook.TotalMilliseconds:0} ms, all " +
                         $"lost in {clock.ElapsedMilliseconds} ms; threads {threadsBefore} -> " +
                         $"{threadsOpen}; managed memory about {perWatch} bytes per watch " +
                         "(with the server's end)");
        Assert.Equal(count, opened.OfType<Input.WatchOpened>().Count());
        Assert.Equal(count, lost.OfType<Input.WatchLost>().Count());
        Assert.True(threadsOpen < threadsBefore + 50, $"threads {threadsBefore} -> {threadsOpen}");
    }
}
