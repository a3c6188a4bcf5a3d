using System.Net.Sockets;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Harness;

public class LoopbackServerTests
{
    [Fact]
    public void Servers_on_several_loopback_addresses_share_one_port()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.2", "127.0.0.3", "127.0.0.4");
        try
        {
            Assert.Single(servers.Select(s => s.Port).Distinct());
            Assert.All(servers, s => Assert.True(s.Running));
        }
        finally
        {
            foreach (var s in servers) s.Dispose();
        }
    }

    [Fact]
    public async Task A_stopped_server_refuses_and_a_restarted_one_accepts_on_the_same_port()
    {
        using var server = LoopbackTcpServer.Started("127.0.0.5");
        var port = server.Port;
        server.Stop();
        using var refused = new TcpClient();
        var error = await Assert.ThrowsAsync<SocketException>(
            () => refused.ConnectAsync("127.0.0.5", port));

        server.Start();
        using var accepted = new TcpClient();
        await accepted.ConnectAsync("127.0.0.5", port);

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        Assert.Equal(port, server.Port);
        Assert.True(accepted.Connected);
    }

    [Fact]
    public void Only_loopback_addresses_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => new LoopbackTcpServer("10.0.0.1"));
        Assert.Throws<ArgumentException>(() => new HangingServer("192.168.1.1"));
    }

    [Fact]
    public async Task The_http_server_records_requests_and_answers_the_current_reply()
    {
        using var server = LoopbackHttpServer.Started(HttpReply.Text(503, "down"));
        using var client = new HttpClient();
        var first = await client.GetAsync($"http://127.0.0.1:{server.Port}/a?b=c");
        server.Reply = HttpReply.Ok("up");
        var second = await client.GetStringAsync($"http://127.0.0.1:{server.Port}/again");

        Assert.Equal(503, (int)first.StatusCode);
        Assert.Equal("up", second);
        Assert.Equal(new[] { "/a", "/again" }, server.Requests.Select(r => r.Path).ToArray());
        Assert.Equal("b=c", server.Requests.First().Query);
    }
}
