using System.Net;
using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A listener on a loopback address (127.0.0.x or ::1) that can be stopped, so
/// connections are refused, and started again on the same port. Counts connections, and the
/// most it served at once (to check that a prober never has two probes in flight).</summary>
public abstract class LoopbackServer : IDisposable
{
    readonly object gate = new();
    TcpListener? listener;
    CancellationTokenSource? stop;
    int connections;
    int inFlight;
    int maxInFlight;

    protected LoopbackServer(string address, int port)
    {
        Address = IPAddress.Parse(address);
        if (!IPAddress.IsLoopback(Address))
            throw new ArgumentException($"{address} is not a loopback address", nameof(address));
        Port = port;
    }

    public IPAddress Address { get; }
    public string Host => Address.ToString();
    public int Port { get; private set; }
    public int Connections => Volatile.Read(ref connections);
    public int MaxInFlight => Volatile.Read(ref maxInFlight);
    public bool Running { get { lock (gate) return listener is not null; } }

    /// <summary>Binds (port 0 picks a free one, kept for later restarts) and accepts.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (listener is not null) return;
            var l = new TcpListener(Address, Port);
            l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            l.Start();
            Port = ((IPEndPoint)l.LocalEndpoint).Port;
            listener = l;
            stop = new CancellationTokenSource();
            _ = AcceptAsync(l, stop.Token);
        }
    }

    /// <summary>Closes the listener and every open connection: new connections are refused.</summary>
    public void Stop()
    {
        lock (gate)
        {
            stop?.Cancel();
            listener?.Stop();
            listener = null;
        }
    }

    public void Dispose()
    {
        Stop();
        GC.SuppressFinalize(this);
    }

    protected abstract Task HandleAsync(TcpClient client, CancellationToken ct);

    /// <summary>Starts one server per address, all on the same port (an LB's check has one
    /// port for all its backends). Retries a few times when another test took the port.</summary>
    public static IReadOnlyList<T> StartMany<T>(
        Func<string, int, T> create, params string[] addresses)
        where T : LoopbackServer
    {
        SocketException? last = null;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var servers = new List<T>();
            try
            {
                var first = create(addresses[0], 0);
                servers.Add(first);
                first.Start();
                foreach (var address in addresses.Skip(1))
                {
                    var server = create(address, first.Port);
                    servers.Add(server);
                    server.Start();
                }
                return servers;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                servers.ForEach(s => s.Dispose());
                last = e;
            }
        }
        throw last!;
    }

    async Task AcceptAsync(TcpListener l, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await l.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException
                                          or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref connections);
            _ = ServeAsync(client, ct);
        }
    }

    async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var seen = MaxInFlight; now > seen; seen = MaxInFlight)
            if (Interlocked.CompareExchange(ref maxInFlight, now, seen) == seen) break;
        try
        {
            using (client)
                await HandleAsync(client, ct);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException
                                      or SocketException or ObjectDisposedException
                                      or System.Security.Authentication.AuthenticationException)
        {
            // The client went away or the server was stopped: nothing to serve.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
