using System.Net.Sockets;
using System.Text;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Lifecycle;

public sealed class SystemdNotifierTests : IDisposable
{
    readonly TempHostsFile folder = new();

    public void Dispose() => folder.Dispose();

    static Socket Listen(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.ReceiveTimeout = 5000;
        return socket;
    }

    static string Receive(Socket socket)
    {
        var buffer = new byte[4096];
        return Encoding.UTF8.GetString(buffer, 0, socket.Receive(buffer));
    }

    [Fact]
    public void Ready_and_stopping_reach_the_notify_socket_as_datagrams()
    {
        var path = folder.Beside("notify.sock");
        using var systemd = Listen(path);
        var notifier = new SystemdNotifier(path);

        var readyError = notifier.Notify(SystemdNotifier.Ready, SystemdNotifier.Status("3 LBs"));
        var ready = Receive(systemd);
        var stoppingError = notifier.Notify(SystemdNotifier.Stopping);
        var stopping = Receive(systemd);

        Assert.Null(readyError);
        Assert.Equal("READY=1\nSTATUS=3 LBs", ready);
        Assert.Null(stoppingError);
        Assert.Equal("STOPPING=1", stopping);
    }

    [Fact]
    public void An_abstract_socket_name_starting_with_at_is_understood()
    {
        var name = $"redirector-test-{Guid.NewGuid():N}";
        using var systemd = Listen("\0" + name);

        var error = new SystemdNotifier("@" + name).Notify(SystemdNotifier.Ready);

        Assert.Null(error);
        Assert.Equal("READY=1", Receive(systemd));
    }

    [Fact]
    public void A_missing_socket_gives_a_reason_instead_of_an_exception()
    {
        var error = new SystemdNotifier(folder.Beside("nobody.sock")).Notify(SystemdNotifier.Ready);

        Assert.StartsWith("cannot notify systemd at", error);
    }
}
