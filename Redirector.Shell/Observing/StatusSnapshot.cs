using Redirector.Shell.HostsFiles;
namespace Redirector.Shell.Observing;

/// <summary>What the daemon tells <c>redirector-shell status</c>: the contents of the status
/// file, one JSON document. Version changes only when a field changes meaning.</summary>
public sealed record StatusSnapshot(
    int Version,
    int Pid,
    DateTimeOffset StartedAt,
    DateTimeOffset WrittenAt,
    string HostsFile,
    bool FirstDecisionsMade,
    LbStatus[] Lbs)
{
    public const int CurrentVersion = 1;
}

/// <summary>One LB: its active backend (null before the first decision or when its entry was
/// removed), since when it has been active, and every backend.</summary>
public sealed record LbStatus(
    string Name,
    string LocalHost,
    string Strategy,
    string? Active,
    string? Address,
    DateTimeOffset? ActiveSince,
    bool AllDown,
    BackendStatus[] Backends);

/// <summary>One backend: up, down or unknown (not yet probed), its latest probe, and its
/// watch connection (null before the first attempt; absent from files of older daemons).
/// </summary>
public sealed record BackendStatus(
    string Host,
    string State,
    string? Address,
    double? SmoothedMs,
    LastProbe? LastProbe,
    WatchStatus? Watch = null);

public sealed record LastProbe(bool Ok, string Reason, double LatencyMs, DateTimeOffset At);

/// <summary>A backend's watch connection: connected (Since), lost (Since, Reason: how),
/// not_connected (Since: the attempt, Reason), not_watchable (Since, Until, Reason), or off
/// (the LB has <c>watch: false</c>).</summary>
public sealed record WatchStatus(
    string State,
    DateTimeOffset? Since = null,
    string? Reason = null,
    DateTimeOffset? Until = null)
{
    public const string Connected = "connected";
    public const string Lost = "lost";
    public const string NotConnected = "not_connected";
    public const string NotWatchable = "not_watchable";
    public const string Off = "off";
}
