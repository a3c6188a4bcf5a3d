using System.Net;
using System.Net.Sockets;
using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Shell.ConfigLoading;

/// <summary>--check's look at metrics_listen: can its address and port be bound? Only a
/// warning when not: next to a running daemon the port is in use by that daemon itself, which
/// is no mistake of the config, and a daemon that cannot bind goes on without metrics. The
/// socket is bound and closed at once, never listened on.</summary>
static class ListenCheck
{
    public static LoadResult Add(LoadResult loaded, string mainPath)
    {
        var warnings = loaded.Main.ToSeq().Bind(p => p.Main.MetricsListen
            .Bind(listen => Optional(Problem(listen)))
            .Map(problem => new ConfigError(mainPath, p.At("metrics_listen").Line,
                p.At("metrics_listen").Column, "metrics_listen", problem))
            .ToSeq());
        return PathChecks.Add(loaded, Seq<ConfigError>(), warnings);
    }

    /// <summary>Null when every address of <paramref name="listen"/> can be bound.</summary>
    static string? Problem(string listen)
    {
        var (bracketed, port) = ListenAddress.Split(listen);
        var host = bracketed.Trim('[', ']');
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var ip) ? [ip] : Dns.GetHostAddresses(host);
        }
        catch (SocketException)
        {
            return $"{host} does not resolve to an address; the daemon would serve no metrics";
        }
        foreach (var address in addresses)
            if (BindProblem(address, port) is { } problem) return problem;
        return null;
    }

    static string? BindProblem(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream,
                ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return null;
        }
        catch (SocketException e)
        {
            var where = new IPEndPoint(address, port);
            return e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse =>
                    $"{where} is in use: by the running daemon, that is expected; by " +
                    "anything else, the daemon would serve no metrics",
                SocketError.AddressNotAvailable =>
                    $"{address} is not an address of this machine; the daemon would serve " +
                    "no metrics",
                SocketError.AccessDenied =>
                    $"{where} cannot be bound by this user (permission denied)",
                _ => $"{where} cannot be bound ({e.SocketErrorCode}); the daemon would serve " +
                     "no metrics",
            };
        }
    }
}
