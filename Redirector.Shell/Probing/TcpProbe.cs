using System.Net;
using Redirector.Domain.Config;

namespace Redirector.Shell.Probing;

/// <summary>The original's TCP check: a connection is opened and closed at once. It passes
/// once the connection is established, whatever the peer does next.</summary>
static class TcpProbe
{
    public static async Task<IPAddress> RunAsync(
        HealthCheck.Tcp check, string host, Action<IPAddress> onAttempt, CancellationToken ct)
    {
        try
        {
            var (socket, address) =
                await Connector.ConnectAsync(host, check.Port, onAttempt, ct);
            socket.Dispose();
            return address;
        }
        catch (ResetAfterConnect e)
        {
            // Established, then reset: what the peer does after the handshake is not this
            // check's business (the original and HAProxy's layer-4 check agree).
            return e.Address;
        }
    }
}
