using System.Net.Sockets;
using System.Text;

namespace Redirector.EndToEnd.Support;

/// <summary>A loopback HTTP backend that misbehaves on purpose (issue 7, item 5): after reading
/// the request head it runs one <see cref="Behaviour"/>. Counts the bytes it managed to send,
/// so a test can tell a client that stopped reading from one that read everything. Every
/// endless behaviour stops when the client goes away or after <see cref="MaxSeconds"/>.</summary>
public sealed class HostileHttpServer(HostileHttpServer.Behaviour behaviour)
    : LoopbackServer("127.0.0.1", 0)
{
    public delegate Task Behaviour(HostileHttpServer server, Socket socket, CancellationToken ct);

    const int MaxSeconds = 30;
    static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();
    long bytesSent;

    public long BytesSent => Interlocked.Read(ref bytesSent);

    public static HostileHttpServer Started(Behaviour behaviour)
    {
        var server = new HostileHttpServer(behaviour);
        server.Start();
        return server;
    }

    protected override async Task HandleAsync(TcpClient client, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(MaxSeconds));
        var socket = client.Client;
        if (!await ReadHeadAsync(socket, bounded.Token)) return;
        await behaviour(this, socket, bounded.Token);
    }

    public async Task SendAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, ct);
            Interlocked.Add(ref bytesSent, sent);
            bytes = bytes[sent..];
        }
    }

    public Task SendAsync(Socket socket, string text, CancellationToken ct) =>
        SendAsync(socket, Encoding.Latin1.GetBytes(text), ct);

    /// <summary>200, no length, then 'a' bytes until the client closes.</summary>
    public static Behaviour EndlessBody => async (server, socket, ct) =>
    {
        await server.SendAsync(socket, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", ct);
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, (byte)'a');
        while (!ct.IsCancellationRequested) await server.SendAsync(socket, chunk, ct);
    };

    /// <summary>A status line and then header bytes one per second, forever.</summary>
    public static Behaviour SlowHeaders => async (server, socket, ct) =>
    {
        await server.SendAsync(socket, "HTTP/1.1 200 OK\r\nX-Slow: ", ct);
        while (!ct.IsCancellationRequested)
        {
            await server.SendAsync(socket, "z", ct);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    };

    /// <summary>1 MB of header lines, then an ordinary end.</summary>
    public static Behaviour HugeHeaders => async (server, socket, ct) =>
    {
        var head = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (var i = 0; head.Length < 1024 * 1024; i++)
            head.Append($"X-Filler-{i}: {new string('h', 1000)}\r\n");
        head.Append("Content-Length: 2\r\nConnection: close\r\n\r\nok");
        await server.SendAsync(socket, head.ToString(), ct);
    };

    /// <summary>A redirect to an absolute URL on another host.</summary>
    public static Behaviour RedirectTo(string url) => (server, socket, ct) =>
        server.SendAsync(socket, $"HTTP/1.1 302 Found\r\nLocation: {url}\r\n" +
                                 "Content-Length: 0\r\nConnection: close\r\n\r\n", ct);

    /// <summary>Headers promise 100 bytes; after 10 the connection is reset (RST).</summary>
    public static Behaviour ResetMidResponse => async (server, socket, ct) =>
    {
        await server.SendAsync(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789",
            ct);
        await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    };

    /// <summary>HTTP/1.0: no Content-Length, the body ends when the connection closes.</summary>
    public static Behaviour Http10WithoutLength(string body) => async (server, socket, ct) =>
    {
        await server.SendAsync(socket, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body,
            ct);
        socket.Shutdown(SocketShutdown.Send);
    };

    static async Task<bool> ReadHeadAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, ct);
            if (read == 0) return false;
            length += read;
            if (buffer.AsSpan(0, length).IndexOf(EndOfHead) >= 0) return true;
        }
        return false;
    }
}
