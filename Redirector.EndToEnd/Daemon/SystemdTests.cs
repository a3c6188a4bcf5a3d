using System.Net.Sockets;
using System.Text;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Daemon;

/// <summary>Under systemd (Type=notify) READY=1 comes after the first hosts write, so units
/// ordered after redirector find the names in place; STOPPING=1 on SIGTERM.</summary>
public sealed class SystemdTests
{
    [Fact]
    public async Task Ready_follows_the_first_write_and_stopping_the_sigterm()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", servers[0].Port, ["127.0.0.1", "127.0.0.2"]);
        var (systemd, daemon) = UnderNotify(dir);
        using var _ = systemd;
        using var __ = daemon;

        var ready = Receive(systemd);
        var entryAtReady = dir.EntryFor("db.test");
        daemon.Signal("TERM");
        var stopping = Receive(systemd);

        Assert.Contains("READY=1", ready);
        Assert.Equal("127.0.0.1", entryAtReady);
        Assert.Contains("STOPPING=1", stopping);
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        foreach (var s in servers) s.Dispose();
    }

    [Fact]
    public async Task Without_load_balancers_the_daemon_is_ready_at_once_and_writes_nothing()
    {
        using var dir = new ConfigDir();
        var before = dir.Hosts.ReadBytes();
        var (systemd, daemon) = UnderNotify(dir);
        using var _ = systemd;
        using var __ = daemon;

        var ready = Receive(systemd);
        daemon.Signal("TERM");

        Assert.Contains("READY=1", ready);
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(before, dir.Hosts.ReadBytes());
    }

    /// <summary>A datagram socket standing in for systemd's NOTIFY_SOCKET, and the daemon
    /// started with it.</summary>
    static (Socket Systemd, ShellProcess Daemon) UnderNotify(ConfigDir dir)
    {
        var path = Path.Combine(dir.Folder, "notify.sock");
        var systemd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        systemd.Bind(new UnixDomainSocketEndPoint(path));
        systemd.ReceiveTimeout = 15_000;
        return (systemd, ShellProcess.Start(["-c", dir.MainPath, "--hosts-file", dir.Hosts.Path],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = path }));
    }

    static string Receive(Socket socket)
    {
        var buffer = new byte[4096];
        return Encoding.UTF8.GetString(buffer, 0, socket.Receive(buffer));
    }
}
