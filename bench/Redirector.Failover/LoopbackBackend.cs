using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Redirector.Failover;

/// <summary>A backend on a loopback address of its own, in this process. Up: a listener that
/// accepts (and, for HTTP, answers 200) and, like a real server, keeps a connection on which
/// nothing is asked (a watch) open until the client closes it. Down: no listener, so connects are refused, and every
/// open connection is reset, as when a backend process dies. Blackholed: see
/// <see cref="Blackhole"/>. Accepts are counted, and timestamped (see <see cref="Arrival"/>) while recording is on.</summary>
sealed class LoopbackBackend(IPEndPoint endPoint, Protocol protocol) : IDisposable
{
    static readonly byte[] Ok =
        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    // How long an idle connection is kept: far beyond any run, yet bounded.
    static readonly TimeSpan IdleWait = TimeSpan.FromMinutes(10);

    readonly HashSet<Socket> open = new();
    readonly List<long> accepts = new();
    readonly List<uint> lags = new();
    Socket? listener;
    Blackhole? blackhole;
    long count;

    public IPEndPoint EndPoint { get; } = endPoint;
    public string Address => EndPoint.Address.ToString();
    public bool IsUp => listener is not null;
    public long Accepted => Interlocked.Read(ref count);
    public bool Recording { get; set; }

    /// <summary>Connections open now: probes in flight and watches.</summary>
    public int Held
    {
        get { lock (open) return open.Count; }
    }

    public IReadOnlyList<long> Accepts
    {
        get { lock (open) return accepts.ToArray(); }
    }

    public void Up()
    {
        if (listener is not null) return;
        blackhole?.Dispose();
        blackhole = null;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(EndPoint);
        socket.Listen(4096);
        listener = socket;
        _ = AcceptLoopAsync(socket);
    }

    public void Down()
    {
        listener?.Dispose();
        listener = null;
        blackhole?.Dispose();
        blackhole = null;
        Socket[] connections;
        lock (open) connections = open.ToArray();
        foreach (var c in connections) Reset(c);
    }

    /// <summary>Down, then a listener that never accepts, its queue full: connects hang.</summary>
    public Blackhole Blackhole()
    {
        Down();
        blackhole = Failover.Blackhole.Open(EndPoint);
        return blackhole;
    }

    /// <summary>How late this process accepted each recorded connection (ms, 4 ms steps).</summary>
    public IReadOnlyList<uint> AcceptLags
    {
        get { lock (open) return lags.ToArray(); }
    }

    public void ClearAccepts()
    {
        lock (open)
        {
            accepts.Clear();
            lags.Clear();
        }
    }

    /// <summary>Ends when the listener is disposed (Down or Dispose), which bounds it in time.</summary>
    async Task AcceptLoopAsync(Socket socket)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await socket.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref count);
            if (Recording)
            {
                var (at, lag) = Arrival.Of(connection, Clock.Now);
                lock (open)
                {
                    accepts.Add(at);
                    lags.Add(lag);
                }
            }
            if (protocol == Protocol.Tcp) _ = HoldAsync(connection);
            else _ = AnswerAsync(connection);
        }
    }

    /// <summary>Until the client closes: at once for a probe, at the end of a run for a watch.
    /// </summary>
    async Task HoldAsync(Socket connection)
    {
        lock (open) open.Add(connection);
        try
        {
            using var timeout = new CancellationTokenSource(IdleWait);
            var buffer = new byte[256];
            while (await connection.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException
                                      or OperationCanceledException)
        {
        }
        finally
        {
            lock (open) open.Remove(connection);
            connection.Dispose();
        }
    }

    async Task AnswerAsync(Socket connection)
    {
        lock (open) open.Add(connection);
        try
        {
            using var timeout = new CancellationTokenSource(IdleWait);
            var buffer = new byte[4096];
            var length = 0;
            while (length < buffer.Length && !HeadersEnd(buffer, length))
            {
                var read = await connection.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
                if (read == 0) return;
                length += read;
            }
            await connection.SendAsync(Ok, timeout.Token);
            connection.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException
                                      or OperationCanceledException)
        {
        }
        finally
        {
            lock (open) open.Remove(connection);
            connection.Dispose();
        }
    }

    static bool HeadersEnd(byte[] buffer, int length) =>
        buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0;

    static void Reset(Socket connection)
    {
        try
        {
            connection.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        connection.Dispose();
    }

    public void Dispose() => Down();
}
