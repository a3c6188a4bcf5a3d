using System.Net;
using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A DNS server on a loopback address that receives every query and never answers,
/// so a resolver waits out its own timeout (no server at all would be refused at once). Port
/// 53 is fixed by resolv.conf, so it binds a random 127.53.x.y address; needs root. Its
/// <see cref="ResolvConf"/> goes over /etc/resolv.conf in a private mount namespace.</summary>
public sealed class SilentResolver : IDisposable
{
    const int MaxAttempts = 20;
    readonly Socket socket;
    int queries;

    public SilentResolver()
    {
        SocketException? last = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var address = new IPAddress([127, 53, (byte)Random.Shared.Next(1, 255),
                (byte)Random.Shared.Next(1, 255)]);
            var candidate = new Socket(AddressFamily.InterNetwork, SocketType.Dgram,
                ProtocolType.Udp);
            try
            {
                candidate.Bind(new IPEndPoint(address, 53));
                socket = candidate;
                Address = address;
                return;
            }
            catch (SocketException e)
            {
                candidate.Dispose();
                last = e;
            }
        }
        throw last!;
    }

    public IPAddress Address { get; } = IPAddress.None;

    /// <summary>Queries received so far (each datagram is one: A and AAAA count apart).
    /// They wait unread in the socket buffer until this is read.</summary>
    public int Queries
    {
        get
        {
            var buffer = new byte[2048];
            for (var i = 0; i < 10_000 && socket.Available > 0; i++)
            {
                socket.Receive(buffer);
                queries++;
            }
            return queries;
        }
    }

    /// <summary>resolv.conf text naming this server; glibc waits timeout × attempts for it
    /// (30 s is the most it takes for one attempt).</summary>
    public string ResolvConf(int timeoutSeconds = 30, int attempts = 2) =>
        $"nameserver {Address}\noptions timeout:{timeoutSeconds} attempts:{attempts}\n";

    public void Dispose() => socket.Dispose();
}
