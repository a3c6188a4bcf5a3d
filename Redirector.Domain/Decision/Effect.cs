using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>Everything the daemon can do (commands, imperative) or report (events, past tense,
/// each with the time of the input that caused it).</summary>
public abstract record Effect
{
    /// <summary>Replace the hosts file with Text, unless it no longer holds BasedOn (the text
    /// the decision came from): then another program's edit wins and the outcome is
    /// Superseded. The shell answers with <see cref="Input.WriteFinished"/>.</summary>
    public sealed record WriteHosts(string Text, string BasedOn) : Effect;

    /// <summary>Probe these backends now rather than at their next turn: a failover waits for
    /// them (the shell skips one whose probe is already in flight).</summary>
    public sealed record ProbeNow(Seq<BackendKey> Backends) : Effect;

    /// <summary>Probe these backends at At (the shell's clock, milliseconds) unless their turn
    /// comes earlier; their regular schedule then restarts from that probe (fast re-probes while
    /// a backend's health is changing).</summary>
    public sealed record ProbeAt(Seq<BackendKey> Backends, long At) : Effect;

    /// <summary>Open one idle TCP connection to Address and the backend's port (nothing is sent;
    /// bytes the peer sends are read and dropped), giving up after ConnectTimeout. The shell
    /// answers <see cref="Input.WatchOpened"/> then <see cref="Input.WatchLost"/> when it ends, or
    /// <see cref="Input.WatchFailed"/>. <see cref="StopProbing"/> of its LB and generation closes
    /// it silently.</summary>
    public sealed record OpenWatch(
        BackendKey Backend, int Generation, IpLiteral Address, TimeSpan ConnectTimeout) : Effect;

    /// <summary>Probe every backend of this LB each period, stamping results with Generation.
    /// </summary>
    public sealed record StartProbing(LbConfig Lb, int Generation) : Effect;

    /// <summary>Stop the schedule of this LB started under Generation.</summary>
    public sealed record StopProbing(string Lb, int Generation) : Effect;

    /// <summary>Read the hosts file again and step what it holds (a write was superseded).</summary>
    public sealed record ReadHosts : Effect;

    /// <summary>Every LB has decided and the hosts file holds the entries; once per run.</summary>
    public sealed record Ready(long At) : Effect;

    /// <summary>The last effect of a run: the shell ends its loop.</summary>
    public sealed record Stopped(long At) : Effect;

    /// <summary>First: the backend's first observation ("is up"), not a change ("came back").
    /// Several results of one backend can arrive in one step, so only the core knows.</summary>
    public sealed record BackendWentUp(long At, BackendKey Backend, ProbeResult Result, bool First)
        : Effect;

    /// <summary>First: the backend's first observation ("is down"), not a change ("went down").
    /// </summary>
    public sealed record BackendWentDown(
        long At, BackendKey Backend, ProbeResult Result, bool First) : Effect;

    /// <summary>The entry of an LB now names another backend (From is None at first choice).
    /// Reason is the strategy's why ("first healthy in list order"); Kind says what happened.
    /// </summary>
    public sealed record Redirected(
        long At, string Lb, Option<string> From, string To, IpLiteral Address, string Reason,
        RedirectKind Kind) : Effect;

    public sealed record AllBackendsDown(long At, string Lb, bool EntryKept) : Effect;

    /// <summary>The LB's entry left the block (all down with on_all_down: remove, or LB removed).</summary>
    public sealed record EntryRemoved(long At, string Lb, string Reason) : Effect;

    /// <summary>The hosts text cannot be edited safely; nothing is written until it changes.
    /// Reported when the episode begins or its problem changes.</summary>
    public sealed record HostsUnusable(long At, HostsError Error) : Effect;

    public sealed record HostsUsableAgain(long At) : Effect;

    /// <summary>The hosts file could not be read; decisions go on, nothing is written.</summary>
    public sealed record HostsUnreadable(long At, string Reason) : Effect;

    public sealed record HostsReadableAgain(long At) : Effect;

    /// <summary>A write failed (it is retried at the next step). Reported when the episode
    /// begins or its reason changes.</summary>
    public sealed record WriteFailed(long At, string Reason, WriteResult Result) : Effect;

    /// <summary>A write succeeded after failures.</summary>
    public sealed record WriteRecovered(long At) : Effect;

    /// <summary>The hosts file holds the new text. FirstInPlaceWhy: the first write of the run
    /// that was not atomic, and why (warned about once).</summary>
    public sealed record HostsWritten(long At, bool InPlace, Option<string> FirstInPlaceWhy)
        : Effect;

    /// <summary>A new configuration replaced the running one, by LB name.</summary>
    public sealed record ConfigApplied(
        long At, Seq<string> Kept, Seq<string> Restarted, Seq<string> Started,
        Seq<string> Removed) : Effect;

    /// <summary>A configuration that cannot replace the running one; the running one stays.</summary>
    public sealed record ReloadRefused(long At, Seq<string> Reasons) : Effect;

    /// <summary>A watch connection to the backend is established.</summary>
    public sealed record WatchConnected(long At, BackendKey Backend) : Effect;

    /// <summary>The backend's watch connection ended; it is probed at once (with the failover
    /// candidates when it is the active backend).</summary>
    public sealed record WatchDropped(long At, BackendKey Backend, string How) : Effect;

    /// <summary>A watch connection could not be established; it is tried again later.</summary>
    public sealed record WatchNotConnected(long At, BackendKey Backend, string Reason) : Effect;

    /// <summary>The backend keeps closing (or refusing) watch connections: it is not watched until
    /// Until; its probes alone decide meanwhile. Reported once per episode.</summary>
    public sealed record NotWatchable(long At, BackendKey Backend, string Reason, long Until)
        : Effect;

    /// <summary>On stop with persist_hosts_block: false.</summary>
    public sealed record BlockRemoved(long At) : Effect;

    /// <summary>Unreadable: the file could not be read (the reason says so first).</summary>
    public sealed record BlockNotRemoved(long At, string Reason, bool Unreadable) : Effect;
}
