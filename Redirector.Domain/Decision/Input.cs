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

    /// <summary>SIGTERM or SIGINT: stop probing, honour persist_hosts_block, then stop.</summary>
    public sealed record Stopping(long Now) : Input(Now);
}
