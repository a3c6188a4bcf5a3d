using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A well-behaved loopback TCP backend: keeps each connection until the client closes
/// it, as a real server keeps an idle connection (a probe closes at once; a watch stays).</summary>
public sealed class HoldingTcpServer(string address, int port = 0)
    : LoopbackServer(address, port)
{
    protected override async Task HandleAsync(TcpClient client, CancellationToken ct)
    {
        var buffer = new byte[256];
        var stream = client.GetStream();
        while (await stream.ReadAsync(buffer, ct) > 0)
        {
        }
    }
}
