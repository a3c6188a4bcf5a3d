using System.Net;
using System.Net.Sockets;

namespace Redirector.Shell.Commands.Demo;

/// <summary>A backend of the demo: a TCP listener on a loopback address that accepts each
/// connection and holds it open, as a real server holds the daemon's idle watch connection.
/// Stopped, it closes them all and refuses new ones, as a crashed process would.</summary>
sealed class DemoBackend(IPAddress address, int port) : IDisposable
{
    readonly object gate = new();
    readonly List<Socket> open = new();
    Socket? listener;

    public string Host => address.ToString();
    public int Port { get; private set; } = port;

    /// <summary>Binds (port 0 picks a free one, kept for a later start) and accepts.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (listener is not null) return;
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // Bound again on the same port at once after a stop.
                socket.SetSocketOption(
                    SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(address, Port));
                socket.Listen(64);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            listener = socket;
            _ = AcceptAsync(socket);
        }
    }

    /// <summary>Closes the listener and every connection it accepted.</summary>
    public void Stop()
    {
        lock (gate)
        {
            listener?.Dispose();
            listener = null;
            foreach (var client in open) client.Dispose();
            open.Clear();
        }
    }

    public void Dispose() => Stop();

    async Task AcceptAsync(Socket socket)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (gate)
            {
                if (listener != socket)
                {
                    client.Dispose();
                    return;
                }
                open.Add(client);
            }
            _ = HoldAsync(client);
        }
    }

    /// <summary>Until the other side closes (a probe does at once; a watch stays).</summary>
    async Task HoldAsync(Socket client)
    {
        var buffer = new byte[256];
        try
        {
            while (await client.ReceiveAsync(buffer, SocketFlags.None) > 0)
            {
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed by Stop, or reset by the daemon.
        }
        lock (gate) open.Remove(client);
        client.Dispose();
    }
}
