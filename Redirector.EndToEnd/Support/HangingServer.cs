using System.Net;
using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A loopback port where a TCP connect neither succeeds nor is refused: the listener
/// never accepts and its queue is filled, so the kernel drops new SYNs and a client waits for
/// its own timeout. (A non-routable address would do the same, but tests stay on loopback.)</summary>
public sealed class HangingServer : IDisposable
{
    const int MaxFillers = 32;
    // Long enough that a busy machine completes a loopback connect that can complete.
    static readonly TimeSpan FillerWait = TimeSpan.FromSeconds(1);

    readonly Socket listener;
    readonly List<Socket> fillers = new();

    public HangingServer(string address = "127.0.0.1")
    {
        var ip = IPAddress.Parse(address);
        if (!IPAddress.IsLoopback(ip)) throw new ArgumentException($"{address} is not loopback");
        listener = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(ip, 0));
        listener.Listen(0);
        Host = address;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        Fill(ip);
    }

    public string Host { get; }
    public int Port { get; }

    /// <summary>Connects until one connect hangs: from then on the queue is full.</summary>
    void Fill(IPAddress ip)
    {
        for (var i = 0; i < MaxFillers; i++)
        {
            var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            using var timeout = new CancellationTokenSource(FillerWait);
            try
            {
                socket.ConnectAsync(new IPEndPoint(ip, Port), timeout.Token).AsTask().Wait();
                fillers.Add(socket);
            }
            catch (AggregateException)
            {
                socket.Dispose();
                return;
            }
        }
        throw new InvalidOperationException($"the queue did not fill in {MaxFillers} connects");
    }

    public void Dispose()
    {
        fillers.ForEach(s => s.Dispose());
        listener.Dispose();
    }
}
