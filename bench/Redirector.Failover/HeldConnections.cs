using System.Net.Sockets;
using System.Text;

namespace Redirector.Failover;

/// <summary>The connections of a <see cref="ServeMode"/> backend, each kept until its client
/// closes it (or the process ends), as a real server keeps idle keep-alive connections.</summary>
sealed class HeldConnections(Protocol protocol)
{
    const int MaxHead = 8192;
    static readonly byte[] OkKeepAlive =
        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    static readonly byte[] OkClose =
        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    readonly HashSet<Socket> open = new();

    /// <summary>Ends when the listener is disposed.</summary>
    public async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (open) open.Add(connection);
            Console.WriteLine("+");
            _ = ServeAsync(connection);
        }
    }

    /// <summary>A graceful close of everything: FIN on each connection.</summary>
    public void CloseAll()
    {
        Socket[] all;
        lock (open) all = open.ToArray();
        foreach (var c in all)
        {
            try
            {
                c.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
            c.Dispose();
        }
    }

    async Task ServeAsync(Socket connection)
    {
        try
        {
            if (protocol == Protocol.Tcp) await HoldAsync(connection);
            else await AnswerAsync(connection);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (open) open.Remove(connection);
            connection.Dispose();
            Console.WriteLine("-");
        }
    }

    static async Task HoldAsync(Socket connection)
    {
        var buffer = new byte[256];
        while (await connection.ReceiveAsync(buffer, SocketFlags.None) > 0)
        {
        }
    }

    /// <summary>Requests have no body (probes); each is answered; the connection stays unless
    /// the request says Connection: close or the client closes.</summary>
    static async Task AnswerAsync(Socket connection)
    {
        var buffer = new byte[MaxHead];
        var length = 0;
        while (true)
        {
            int end;
            while ((end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (length == buffer.Length) return;
                var read = await connection.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None);
                if (read == 0) return;
                length += read;
            }
            var head = Encoding.ASCII.GetString(buffer, 0, end);
            var close = head.Contains("connection: close", StringComparison.OrdinalIgnoreCase);
            await connection.SendAsync(close ? OkClose : OkKeepAlive, SocketFlags.None);
            if (close)
            {
                connection.Shutdown(SocketShutdown.Send);
                return;
            }
            var consumed = end + 4;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
        }
    }
}
