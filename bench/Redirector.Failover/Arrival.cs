using System.Diagnostics;
using System.Net.Sockets;

namespace Redirector.Failover;

/// <summary>When a connection really arrived, taken from the kernel rather than from when this
/// process got round to accepting it: TCP_INFO's last_data_recv counts the milliseconds since
/// the handshake completed (the probe sends no data; a FIN does not reset it), in jiffies
/// (4 ms here). So a busy benchmark does not make the daemon's probes look late.</summary>
static class Arrival
{
    const int IpProtoTcp = 6;
    const int TcpInfo = 11;
    const int LastDataRecvOffset = 52;

    /// <summary>The arrival timestamp and how long the accept lagged behind it (ms).</summary>
    public static (long At, uint LagMs) Of(Socket accepted, long acceptedAt)
    {
        Span<byte> info = stackalloc byte[LastDataRecvOffset + 4];
        try
        {
            if (accepted.GetRawSocketOption(IpProtoTcp, TcpInfo, info) < info.Length)
                return (acceptedAt, 0);
        }
        catch (SocketException)
        {
            return (acceptedAt, 0);
        }
        var lag = BitConverter.ToUInt32(info[LastDataRecvOffset..]);
        return (acceptedAt - lag * Stopwatch.Frequency / 1000, lag);
    }
}
