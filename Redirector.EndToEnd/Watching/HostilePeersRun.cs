using System.Diagnostics;
using System.Net.Sockets;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Watching;

/// <summary>One daemon run of <see cref="Window"/> shared by the hostile-peer tests, so the
/// suite pays for it once. One LB per hostile peer, priority strategy, TCP check, period 1 s,
/// each peer on its own loopback address beside a normal backend on the same port:
/// (a) closes idle connections after 100 ms, (b) accepts and closes at once, (c) its accept queue
/// is full so connects hang (it fails probes: second behind a normal one), (d) resets every
/// connection after the accept, (e) accepts and never reads. The hosts file is sampled all
/// along; each peer's accepted connections are read at <see cref="Settle"/> and at the end.
/// Every server and the daemon are stopped by this fixture, the daemon by PID.</summary>
public sealed class HostilePeersRun : IAsyncLifetime
{
    public const double Period = 1;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(32);
    /// <summary>By then a quick closer has had its three short watches and is not watched.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(12);
    static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(50);

    readonly ConfigDir dir = new("log_level: DEBUG\n");
    readonly List<IDisposable> servers = [];

    public IReadOnlyList<HostilePeer> Peers { get; private set; } = [];
    public string Log { get; private set; } = "";
    public string Errors { get; private set; } = "";
    public bool RanThrough { get; private set; }
    public int? ExitCode { get; private set; }
    /// <summary>From the daemon's start to the SIGTERM; and from the settle point to it.</summary>
    public double Seconds { get; private set; }
    public double SecondsAfterSettle { get; private set; }

    public HostilePeer Peer(string lb) => Peers.Single(p => p.Lb == lb);

    public async Task InitializeAsync()
    {
        Peers = StartPeers();
        foreach (var p in Peers)
            dir.WriteTcpLb(p.Lb, Port(p), p.Backends, strategy: "priority", period: Period);
        var clock = Stopwatch.StartNew();
        using var daemon = dir.StartDaemon();
        try
        {
            await WatchAsync(daemon, clock);
        }
        finally
        {
            Seconds = clock.Elapsed.TotalSeconds;
            daemon.Signal("TERM");
            ExitCode = await daemon.WaitForExitAsync(TimeSpan.FromSeconds(15));
            foreach (var p in Peers) p.Ended();
            (Log, Errors) = (daemon.Stdout, daemon.Stderr);
        }
    }

    async Task WatchAsync(ShellProcess daemon, Stopwatch clock)
    {
        var settled = false;
        var settledAt = TimeSpan.Zero;
        var maxSamples = (int)(Window / Sample) + 1;
        for (var i = 0; i < maxSamples && clock.Elapsed < Window && !daemon.HasExited; i++)
        {
            string text;
            try
            {
                text = dir.Hosts.Read();
            }
            catch (IOException)
            {
                // Read while the daemon replaced the file: the next sample reads it.
                continue;
            }
            foreach (var p in Peers) p.Saw(Block.EntryFor(text, p.HostName));
            if (!settled && clock.Elapsed >= Settle)
            {
                foreach (var p in Peers) p.Settled();
                (settled, settledAt) = (true, clock.Elapsed);
            }
            await Task.Delay(Sample);
        }
        RanThrough = !daemon.HasExited && clock.Elapsed >= Window;
        SecondsAfterSettle = (clock.Elapsed - settledAt).TotalSeconds;
    }

    readonly Dictionary<string, int> portOf = [];

    int Port(HostilePeer p) => portOf[p.Lb];

    static string A(int host) => $"127.0.77.{host}";

    IReadOnlyList<HostilePeer> StartPeers()
    {
        var idle = Paired("a-idle", A(1), A(2), a => Started(new IdleClosingServer(a)), s => s.Port);
        var close = Paired("b-close", A(3), A(4), a => Started(new LoopbackTcpServer(a)), s => s.Port);
        Paired("c-hang", A(6), A(5), a => new HangingServer(a), s => s.Port);
        var reset = Paired("d-reset", A(7), A(8), a => new ResettingServer(a), s => s.Port);
        var noRead = Paired("e-noread", A(9), A(10), a => Started(new NeverReadingServer(a)),
            s => s.Port);
        return
        [
            new("a-idle", A(1), A(2), A(1), () => idle.Connections),
            new("b-close", A(3), A(4), A(3), () => close.Connections),
            // It never accepts: its queue is full from the start.
            new("c-hang", A(6), A(5), A(5), () => 0),
            new("d-reset", A(7), A(8), A(7), () => reset.Resets),
            new("e-noread", A(9), A(10), A(9), () => noRead.Connections),
        ];
    }

    static T Started<T>(T server) where T : LoopbackServer
    {
        try
        {
            server.Start();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The hostile server on a free port, then a normal one on the same port (a check
    /// has one port); a few tries when another test holds the port on the normal address.</summary>
    T Paired<T>(string lb, string hostileAddress, string normalAddress, Func<string, T> hostile,
        Func<T, int> port) where T : IDisposable
    {
        for (var attempt = 0; ; attempt++)
        {
            var server = hostile(hostileAddress);
            try
            {
                servers.Add(new HoldingServer(normalAddress, port(server)));
                servers.Add(server);
                portOf[lb] = port(server);
                return server;
            }
            catch (SocketException) when (attempt < 10)
            {
                server.Dispose();
            }
        }
    }

    public Task DisposeAsync()
    {
        foreach (var s in servers) s.Dispose();
        dir.Dispose();
        return Task.CompletedTask;
    }
}
