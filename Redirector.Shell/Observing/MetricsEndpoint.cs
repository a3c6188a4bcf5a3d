using Prometheus;
using Redirector.Domain.Config;

namespace Redirector.Shell.Observing;

/// <summary>Serves a registry at <c>http://ADDRESS:PORT/metrics</c> with prometheus-net's
/// standalone HttpListener server (no ASP.NET), for <c>metrics_listen</c>.</summary>
static class MetricsEndpoint
{
    /// <summary>Starts serving, or returns the reason it could not (a port in use, say): the
    /// daemon's real job, the hosts file, goes on without metrics.</summary>
    public static (IDisposable? Server, string Problem) Start(
        string listen, CollectorRegistry registry)
    {
        var (host, port) = ListenAddress.Split(listen);
        try
        {
            var server = new MetricServer(host, port, "metrics/", registry);
            server.Start();
            return (server, "");
        }
        catch (Exception e) when (e is System.Net.HttpListenerException or InvalidOperationException
                                      or System.Net.Sockets.SocketException)
        {
            return (null, $"metrics not served on {listen}: {Errors.Describe(e)}");
        }
    }
}
