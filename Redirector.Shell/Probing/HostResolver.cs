using System.Net;

namespace Redirector.Shell.Probing;

/// <summary>Resolves backend names for probes. getaddrinfo blocks its thread and cannot be
/// cancelled once started (a resolver that never answers holds it for timeout × attempts of
/// resolv.conf), so each resolution runs on a thread of its own, never a pool thread whose
/// loss would delay every timer and completion of the process, and at most one runs per name
/// at a time. A probe waits for it only until its own timeout ("DNS timeout"); a later probe
/// of the same name joins the resolution still running instead of starting another.</summary>
static class HostResolver
{
    static readonly SingleFlight<string, IPAddress[]> Resolutions =
        new(Start, StringComparer.OrdinalIgnoreCase);

    public static Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        Resolutions.RunAsync(host, ct);

    static Task<IPAddress[]> Start(string host) =>
        Task.Factory.StartNew(() => Dns.GetHostAddresses(host), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
