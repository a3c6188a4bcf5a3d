using System.Net;
using System.Net.Sockets;

namespace Redirector.Failover;

/// <summary>A listener with backlog 1 that never accepts, its accept queue filled by this
/// process's own connections. Linux then drops further SYNs, so a probe's connect hangs until
/// its timeout, as with a frozen host. <see cref="Verified"/> says whether a connect after the
/// fill really hung.</summary>
sealed class Blackhole : IDisposable
{
    const int MaxFill = 8;
    static readonly TimeSpan FillWait = TimeSpan.FromMilliseconds(20);

    readonly Socket listener;
    readonly List<Socket> fillers = new();

    Blackhole(Socket listener) => this.listener = listener;

    /// <summary>True when the queue took some connections and the next one hung.</summary>
    public bool Verified { get; private set; }
    public int Filled => fillers.Count;

    public static Blackhole Open(IPEndPoint endPoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(endPoint);
        socket.Listen(1);
        var hole = new Blackhole(socket);
        hole.Fill(endPoint);
        return hole;
    }

    void Fill(IPEndPoint endPoint)
    {
        for (var i = 0; i < MaxFill; i++)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var wait = new CancellationTokenSource(FillWait);
            try
            {
                client.ConnectAsync(endPoint, wait.Token).AsTask().GetAwaiter().GetResult();
                fillers.Add(client);
            }
            catch (OperationCanceledException)
            {
                client.Dispose();
                Verified = fillers.Count > 0;
                return;
            }
            catch (SocketException)
            {
                client.Dispose();
                return;
            }
        }
    }

    public void Dispose()
    {
        listener.Dispose();
        foreach (var f in fillers) f.Dispose();
        fillers.Clear();
    }
}
