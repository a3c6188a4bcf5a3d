using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>Everything the daemon can experience. Now is the shell's monotonic clock in
/// milliseconds; the events a step reports carry it as their time.</summary>
public abstract record Input(long Now)
{
    /// <summary>Probe results gathered since the last step (often one, a whole round at start).</summary>
    public sealed record ProbesObserved(long Now, Seq<Observation> Results) : Input(Now);

    /// <summary>The hosts file as just read (at start, after a change by another program, after a
    /// superseded write).</summary>
    public sealed record HostsRead(long Now, HostsReading Reading) : Input(Now);

    /// <summary>The outcome of the last <see cref="Effect.WriteHosts"/>.</summary>
    public sealed record WriteFinished(long Now, WriteResult Result) : Input(Now);

    /// <summary>A valid configuration: the first one starts everything, later ones (SIGHUP)
    /// replace it; unchanged LBs keep their state and their probes.</summary>
    public sealed record ConfigLoaded(long Now, Configuration Config, int Generation) : Input(Now);

    /// <summary>The watch connection asked for by <see cref="Effect.OpenWatch"/> is established.</summary>
    public sealed record WatchOpened(long Now, BackendKey Backend, int Generation) : Input(Now);

    /// <summary>An established watch connection ended (How: "closed by the peer", "reset by the
    /// peer", an error). A hint that the backend may have died, never a verdict.</summary>
    public sealed record WatchLost(long Now, BackendKey Backend, int Generation, string How)
        : Input(Now);

    /// <summary>A watch connection could not be established (refused, timed out, unreachable). Not
    /// a failure of the backend: only its probes say that.</summary>
    public sealed record WatchFailed(long Now, BackendKey Backend, int Generation, string Reason)
        : Input(Now);

    /// <summary>SIGTERM or SIGINT: stop probing, honour persist_hosts_block, then stop.</summary>
    public sealed record Stopping(long Now) : Input(Now);
}
