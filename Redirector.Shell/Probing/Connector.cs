using System.Net;
using System.Net.Sockets;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Probing;

/// <summary>Opens a fresh TCP connection to a backend. Host names are resolved at each call
/// (a backend may move); addresses are tried in the resolver's order until one connects.
/// The caller bounds the whole attempt with its token.</summary>
static class Connector
{
    static readonly Failure NoAddress = new(FailureKind.Dns, "DNS: no address");

    /// <summary>The connected socket and the address that answered. Throws on failure: the
    /// error of the last address tried.</summary>
    public static async Task<(Socket Socket, IPAddress Address)> ConnectAsync(
        string host, int port, Action<IPAddress> onAttempt, CancellationToken ct)
    {
        var addresses = await ResolveAsync(host, ct);
        Exception? last = null;
        foreach (var address in addresses)
        {
            onAttempt(address);
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            {
                NoDelay = true,
            };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct);
                return (socket, address);
            }
            catch (SocketException e) when (ResetAfterHandshake(e.SocketErrorCode))
            {
                // The handshake with this address completed: no other address is tried, as
                // none would be had the completion been handled before the reset came.
                socket.Dispose();
                throw new ResetAfterConnect(address, e);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new ProbeFailure(NoAddress);
    }

    /// <summary>Whether a connect's error says the handshake had completed. A peer can accept
    /// and reset before the connect's completion is handled (the socket engine reads SO_ERROR
    /// only then); the connect then reports the reset. Linux sets the error by the state the
    /// reset found (tcp_reset): in SYN-SENT, no handshake yet, ECONNREFUSED (a real refusal,
    /// kept as a failure); in CLOSE-WAIT, after the peer's FIN, EPIPE (Shutdown); in every
    /// other state, all past the handshake, ECONNRESET. The socket is closed by then, so
    /// getpeername or TCP_INFO can no longer tell: the error is the only witness.</summary>
    static bool ResetAfterHandshake(SocketError code) =>
        code is SocketError.ConnectionReset or SocketError.Shutdown;

    static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        if (Literal(host) is { } address)
            return [address];
        var addresses = await HostResolver.ResolveAsync(host, ct);
        return addresses.Length > 0 ? addresses : throw new ProbeFailure(NoAddress);
    }

    /// <summary>An IP address written as the host (brackets allowed around IPv6), or null for
    /// a name that must be resolved.</summary>
    public static IPAddress? Literal(string host)
    {
        var text = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(text, out var address) ? address : null;
    }
}

/// <summary>The connection to <see cref="Address"/> was established, then reset by the peer
/// before the connect's completion was handled. A TCP check passes on it (the handshake is
/// all it asks); a check that has to talk over the connection fails with the reset.</summary>
sealed class ResetAfterConnect(IPAddress address, SocketException reset)
    : Exception(reset.Message, reset)
{
    public IPAddress Address { get; } = address;
}
