using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A loopback TCP backend that accepts and then neither reads nor closes: each
/// connection stays open on its side (CLOSE_WAIT once the client leaves) until the server is
/// stopped. A TCP probe passes; a watch connection is never ended by it.</summary>
public sealed class NeverReadingServer(string address, int port = 0)
    : LoopbackServer(address, port)
{
    protected override Task HandleAsync(TcpClient client, CancellationToken ct) =>
        Task.Delay(Timeout.Infinite, ct);
}
