using System.Net.Sockets;

namespace Redirector.EndToEnd.Support;

/// <summary>A TCP backend: accepts and closes each connection at once; stopped, it refuses.</summary>
public sealed class LoopbackTcpServer(string address = "127.0.0.1", int port = 0)
    : LoopbackServer(address, port)
{
    public static LoopbackTcpServer Started(string address = "127.0.0.1", int port = 0)
    {
        var server = new LoopbackTcpServer(address, port);
        server.Start();
        return server;
    }

    public static IReadOnlyList<LoopbackTcpServer> StartMany(params string[] addresses) =>
        StartMany((a, p) => new LoopbackTcpServer(a, p), addresses);

    protected override Task HandleAsync(TcpClient client, CancellationToken ct) =>
        Task.CompletedTask;
}
