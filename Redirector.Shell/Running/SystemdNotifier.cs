using System.Net.Sockets;
using System.Text;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Shell.Running;

/// <summary>sd_notify(3) for <c>Type=notify</c>: one datagram per state change to the socket
/// systemd names in NOTIFY_SOCKET ('@' at the start means the abstract namespace).</summary>
public sealed class SystemdNotifier(string socketPath)
{
    public const string Ready = "READY=1";
    public const string Stopping = "STOPPING=1";
    public const string Reloading = "RELOADING=1";

    public string SocketPath { get; } = socketPath;

    /// <summary>None when not started by systemd with Type=notify.</summary>
    public static Option<SystemdNotifier> FromEnvironment() =>
        Environment.GetEnvironmentVariable("NOTIFY_SOCKET") is { Length: > 0 } path
            ? Some(new SystemdNotifier(path))
            : None;

    /// <summary>"STATUS=..." lines show in <c>systemctl status</c>.</summary>
    public static string Status(string text) => "STATUS=" + text.ReplaceLineEndings(" ");

    /// <summary>Null when sent, else why not (the daemon logs it and goes on).</summary>
    public string? Notify(params string[] states)
    {
        var path = SocketPath.StartsWith('@') ? "\0" + SocketPath[1..] : SocketPath;
        try
        {
            using var socket =
                new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendTo(Encoding.UTF8.GetBytes(string.Join('\n', states)),
                new UnixDomainSocketEndPoint(path));
            return null;
        }
        catch (SocketException e)
        {
            return $"cannot notify systemd at {SocketPath}: {Errors.Describe(e)}";
        }
    }
}
