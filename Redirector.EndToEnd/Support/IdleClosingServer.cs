using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A loopback TCP backend that closes every connection after it has been open for
/// <see cref="IdleFor"/> (100 ms), as a server with a very short idle timeout does: a probe,
/// which closes first, passes; an idle watch connection is closed under it.</summary>
public sealed class IdleClosingServer(string address, int port = 0)
    : LoopbackServer(address, port)
{
    public static readonly TimeSpan IdleFor = TimeSpan.FromMilliseconds(100);

    protected override Task HandleAsync(TcpClient client, CancellationToken ct) =>
        Task.Delay(IdleFor, ct);
}
