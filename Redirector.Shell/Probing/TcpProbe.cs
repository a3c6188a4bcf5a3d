using System.Net;
using Redirector.Domain.Config;

namespace Redirector.Shell.Probing;

/// <summary>The original's TCP check: a connection is opened and closed at once.</summary>
static class TcpProbe
{
    public static async Task<IPAddress> RunAsync(
        HealthCheck.Tcp check, string host, Action<IPAddress> onAttempt, CancellationToken ct)
    {
        var (socket, address) = await Connector.ConnectAsync(host, check.Port, onAttempt, ct);
        socket.Dispose();
        return address;
    }
}
