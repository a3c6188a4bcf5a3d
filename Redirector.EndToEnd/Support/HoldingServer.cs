using System.Net;
using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A loopback backend that accepts every connection and keeps it open, sending
/// nothing, until told: then it closes them all with a FIN, or resets them (SO_LINGER 0), or
/// stops listening too, as a crashed backend process would. A blocking accept on a thread of
/// its own, bounded by count, polled so Dispose ends it.</summary>
public sealed class HoldingServer : IDisposable
{
    const int MaxAccepts = 100_000;
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    readonly Socket listener;
    readonly Thread thread;
    readonly List<Socket> held = new();
    volatile bool stopping;

    public HoldingServer(string address = "127.0.0.1", int port = 0, int backlog = 512)
    {
        var ip = IPAddress.Parse(address);
        if (!IPAddress.IsLoopback(ip)) throw new ArgumentException($"{address} is not loopback");
        listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(ip, port));
        listener.Listen(backlog);
        Host = address;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        thread = new Thread(Accept) { IsBackground = true, Name = "holding server" };
        thread.Start();
    }

    public string Host { get; }
    public int Port { get; }

    /// <summary>Held connections still open at both ends (a watch, or a probe not yet closed).
    /// </summary>
    public int Open
    {
        get
        {
            lock (held)
                return held.Count(s => !(s.Poll(0, SelectMode.SelectRead) && s.Available == 0));
        }
    }

    /// <summary>Connections accepted and not yet closed by this server.</summary>
    public int Held { get { lock (held) return held.Count; } }

    /// <summary>Held connections the client has closed (readable with nothing to read).</summary>
    public int ClosedByClient
    {
        get
        {
            lock (held)
                return held.Count(s => s.Poll(0, SelectMode.SelectRead) && s.Available == 0);
        }
    }

    /// <summary>Sends <paramref name="bytes"/> on every held connection.</summary>
    public void SendToAll(byte[] bytes)
    {
        lock (held)
            foreach (var s in held) s.Send(bytes);
    }

    /// <summary>Closes every held connection: a FIN, or an RST with <paramref name="reset"/>.
    /// The listener goes on accepting.</summary>
    public void CloseAll(bool reset = false)
    {
        lock (held)
        {
            foreach (var s in held)
            {
                if (reset) s.LingerState = new LingerOption(true, 0);
                s.Dispose();
            }
            held.Clear();
        }
    }

    void Accept()
    {
        for (var i = 0; i < MaxAccepts && !stopping; i++)
        {
            try
            {
                if (!listener.Poll(PollInterval, SelectMode.SelectRead)) continue;
                var client = listener.Accept();
                lock (held) held.Add(client);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>Stops listening and closes every connection (FIN): the backend is gone.</summary>
    public void Dispose()
    {
        stopping = true;
        thread.Join(TimeSpan.FromSeconds(5));
        listener.Dispose();
        CloseAll();
    }
}
