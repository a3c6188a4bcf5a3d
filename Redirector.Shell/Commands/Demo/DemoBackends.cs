using System.Net;
using System.Net.Sockets;

namespace Redirector.Shell.Commands.Demo;

/// <summary>The demo's three backends, on 127.0.0.2 to 127.0.0.4 and one port they share (an
/// LB's health check has one port for all its backends).</summary>
sealed class DemoBackends : IDisposable
{
    const int Attempts = 10;

    DemoBackends(IReadOnlyList<DemoBackend> all) => All = all;

    public IReadOnlyList<DemoBackend> All { get; }
    public int Port => All[0].Port;

    /// <summary>Port 0 on the first picks a free port; when another program holds it on the
    /// other addresses, another port is tried.</summary>
    public static DemoBackends Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = new List<DemoBackend>();
            try
            {
                for (var i = 2; i <= 4; i++)
                {
                    var backend = new DemoBackend(IPAddress.Parse($"127.0.0.{i}"),
                        started.Count == 0 ? 0 : started[0].Port);
                    started.Add(backend);
                    backend.Start();
                }
                return new DemoBackends(started);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse
                                            && attempt < Attempts)
            {
                foreach (var b in started) b.Dispose();
            }
        }
    }

    public DemoBackend Named(string host) => All.First(b => b.Host == host);

    public void Dispose()
    {
        foreach (var b in All) b.Dispose();
    }
}
