using System.Net;
using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A loopback backend that accepts every connection and resets it at once (SO_LINGER
/// with a zero timeout, then close: an RST instead of a FIN). A blocking accept on a thread of
/// its own, not an async loop, so the reset follows the handshake as fast as the machine allows
/// and often reaches a client before that client has handled its connect completion.</summary>
public sealed class ResettingServer : IDisposable
{
    const int MaxAccepts = 1_000_000;
    // How often the accept thread looks at the stop flag; bounds how long Dispose waits.
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    readonly Socket listener;
    readonly Thread thread;
    volatile bool stopping;
    int resets;

    public ResettingServer(string address = "127.0.0.1", int port = 0)
    {
        var ip = IPAddress.Parse(address);
        if (!IPAddress.IsLoopback(ip)) throw new ArgumentException($"{address} is not loopback");
        listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(ip, port));
        listener.Listen(512);
        Host = address;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        thread = new Thread(AcceptAndReset) { IsBackground = true, Name = "resetting server" };
        thread.Start();
    }

    public string Host { get; }
    public int Port { get; }
    public int Resets => Volatile.Read(ref resets);

    void AcceptAndReset()
    {
        for (var i = 0; i < MaxAccepts && !stopping; i++)
        {
            Socket client;
            try
            {
                // Poll first so the loop sees the stop flag even when no client comes.
                if (!listener.Poll(PollInterval, SelectMode.SelectRead)) continue;
                client = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            Interlocked.Increment(ref resets);
        }
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join(TimeSpan.FromSeconds(5));
        listener.Dispose();
    }
}
