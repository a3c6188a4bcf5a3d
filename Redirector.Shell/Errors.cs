using Redirector.Shell.Native;
namespace Redirector.Shell;

/// <summary>Our own words for a file error: .NET's messages carry temp-file names and vary
/// with the runtime, and a log line that changes with each attempt defeats logging an episode
/// once.</summary>
static class Errors
{
    public static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException => "the file does not exist",
        DirectoryNotFoundException => "its folder does not exist",
        IOException io when io.HResult is > 0 and < 4096 => Native.LibC.Describe(io.HResult),
        System.Net.Sockets.SocketException s => Socket(s.SocketErrorCode),
        // The managed HttpListener (the metrics endpoint) reports a failed bind this way.
        System.Net.HttpListenerException h
            when Enum.IsDefined((System.Net.Sockets.SocketError)h.ErrorCode) =>
            Socket((System.Net.Sockets.SocketError)h.ErrorCode),
        _ => "an I/O error",
    };

    static string Socket(System.Net.Sockets.SocketError error) => error switch
    {
        System.Net.Sockets.SocketError.AddressAlreadyInUse => "the address is already in use",
        System.Net.Sockets.SocketError.AddressNotAvailable => "the address is not on this machine",
        System.Net.Sockets.SocketError.AccessDenied => "permission denied",
        System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
        System.Net.Sockets.SocketError.AddressFamilyNotSupported
            or System.Net.Sockets.SocketError.ProtocolNotSupported
            or System.Net.Sockets.SocketError.OperationNotSupported => "not supported here",
        _ => $"socket error {error}",
    };
}
