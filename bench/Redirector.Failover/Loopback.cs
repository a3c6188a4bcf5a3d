using System.Net;

namespace Redirector.Failover;

/// <summary>Loopback addresses and backends: every scenario gets its own 127.x.0.0/16 and port,
/// so sockets lingering from one scenario never meet the next.</summary>
static class Loopback
{
    public static IPAddress Address(int scenario, int index) =>
        new(new byte[] { 127, (byte)scenario, (byte)(index / 250), (byte)(index % 250 + 1) });

    public static List<LoopbackBackend> Backends(int scenario, int count, int port, Protocol protocol)
    {
        var backends = new List<LoopbackBackend>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var b = new LoopbackBackend(new IPEndPoint(Address(scenario, i), port), protocol);
                backends.Add(b);
                b.Up();
            }
            return backends;
        }
        catch
        {
            foreach (var b in backends) b.Dispose();
            throw;
        }
    }
}
