using System.Globalization;
using Prometheus;

namespace Redirector.Shell.Observability;

/// <summary>Serves a registry at <c>http://ADDRESS:PORT/metrics</c> with prometheus-net's
/// standalone HttpListener server (no ASP.NET), for <c>metrics_listen</c>.</summary>
static class MetricsEndpoint
{
    /// <summary>Starts serving, or returns the reason it could not (a port in use, say): the
    /// daemon's real job, the hosts file, goes on without metrics.</summary>
    public static (IDisposable? Server, string Problem) Start(
        string listen, CollectorRegistry registry)
    {
        var colon = listen.LastIndexOf(':');
        var host = listen[..colon];
        var port = int.Parse(listen[(colon + 1)..], CultureInfo.InvariantCulture);
        try
        {
            var server = new MetricServer(host, port, "metrics/", registry);
            server.Start();
            return (server, "");
        }
        catch (Exception e) when (e is System.Net.HttpListenerException or InvalidOperationException
                                      or System.Net.Sockets.SocketException)
        {
            return (null, $"metrics not served on {listen}: {HostsFiles.Errors.Describe(e)}");
        }
    }
}
