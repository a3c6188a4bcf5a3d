using System.Globalization;
using System.Net.Sockets;

namespace Redirector.Shell.Probing;

/// <summary>What an operator reads when a watch connection ends or cannot be made: short
/// words from the socket's error code, never an exception's message.</summary>
static class WatchWords
{
    public const string ClosedByPeer = "closed by the peer";
    public const string ResetByPeer = "reset by the peer";

    public static string TimedOut(TimeSpan after) =>
        "timed out after " + after.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)
        + " s";

    /// <summary>Why a connect failed.</summary>
    public static string NotConnected(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => "refused",
        SocketError.TimedOut => "timed out",
        _ => Common(code),
    };

    /// <summary>How an established connection ended with an error.</summary>
    public static string Lost(SocketError code) => code switch
    {
        SocketError.ConnectionReset or SocketError.Shutdown => ResetByPeer,
        SocketError.TimedOut => "timed out (no answer to retransmissions)",
        _ => Common(code),
    };

    static string Common(SocketError code) => code switch
    {
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkDown => "network down",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.TooManyOpenSockets => "too many open files",
        SocketError.NoBufferSpaceAvailable => "no buffer space",
        SocketError.AccessDenied => "not allowed",
        _ => "socket error " + code,
    };
}
