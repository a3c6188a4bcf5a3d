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
