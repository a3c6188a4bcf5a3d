using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;

namespace Redirector.Shell.Observing;

/// <summary>What the status needs beyond the core's state, as a fold over what the daemon saw
/// and the core reported: each backend's latest probe (from the probe results stepped),
/// since when each LB's entry has named its backend, and each backend's watch connection
/// (both from the time of the event that said so).</summary>
sealed class StatusTracker(int pid, DateTimeOffset startedAt)
{
    readonly Dictionary<BackendKey, LastProbe> probes = [];
    readonly Dictionary<string, DateTimeOffset> since = [];
    readonly Dictionary<BackendKey, WatchStatus> watches = [];

    /// <summary>Records the latest probe; true when it found something else than the previous
    /// one of that backend (another outcome or reason, or the first).</summary>
    public bool Probed(Observation o, DateTimeOffset at)
    {
        var news = !probes.TryGetValue(o.Backend, out var before) ||
                   before.Ok != o.Result.Ok || before.Reason != o.Result.Reason;
        probes[o.Backend] = new LastProbe(o.Result.Ok, o.Result.Reason,
            Math.Round(o.Result.Duration.TotalMilliseconds, 3), at);
        return news;
    }

    /// <param name="at">The event's time on the wall clock.</param>
    public void Apply(Effect effect, DateTimeOffset at)
    {
        switch (effect)
        {
            case Effect.Redirected r:
                since[r.Lb] = at;
                break;
            case Effect.EntryRemoved e:
                since.Remove(e.Lb);
                break;
            case Effect.ConfigApplied c:
                foreach (var gone in c.Removed)
                {
                    since.Remove(gone);
                    foreach (var key in probes.Keys.Where(k => k.Lb == gone).ToList())
                        probes.Remove(key);
                }
                // A restart closes the LB's watches without a word: they start over.
                Forget([.. c.Removed, .. c.Restarted]);
                break;
            default:
                Watched(effect, at);
                break;
        }
    }

    void Watched(Effect effect, DateTimeOffset at)
    {
        switch (effect)
        {
            case Effect.WatchConnected c:
                watches[c.Backend] = new WatchStatus(WatchStatus.Connected, at);
                break;
            case Effect.WatchDropped d:
                watches[d.Backend] = new WatchStatus(WatchStatus.Lost, at, d.How);
                break;
            case Effect.WatchNotConnected n:
                watches[n.Backend] = new WatchStatus(WatchStatus.NotConnected, at, n.Reason);
                break;
            case Effect.NotWatchable n:
                watches[n.Backend] = new WatchStatus(WatchStatus.NotWatchable, at, n.Reason,
                    at + TimeSpan.FromMilliseconds(n.Until - n.At));
                break;
        }
    }

    void Forget(HashSet<string> lbs)
    {
        foreach (var key in watches.Keys.Where(k => lbs.Contains(k.Lb)).ToList())
            watches.Remove(key);
    }

    public StatusSnapshot Snapshot(State state, string hostsFile, DateTimeOffset now) =>
        new(StatusSnapshot.CurrentVersion, pid, startedAt, now, hostsFile, state.Started,
            state.Lbs.Values.Select(Lb).ToArray());

    LbStatus Lb(LbState lb)
    {
        var entry = lb.Entry.Case as HostsEntry;
        var active = lb.Active.Case is int i && entry is not null ? lb.HostOf(i) : null;
        DateTimeOffset? from = since.TryGetValue(lb.Name, out var s) ? s : null;
        return new LbStatus(lb.Name, lb.Config.LocalHost.Value,
            lb.Config.Strategy.GetType().Name.ToLowerInvariant(), active,
            entry?.Address.Value, active is null ? null : from, lb.AllDown,
            Enumerable.Range(0, lb.Backends.Count).Select(i => Backend(lb, i)).ToArray());
    }

    BackendStatus Backend(LbState lb, int index)
    {
        var health = lb.Backends[index];
        var probe = probes.TryGetValue(lb.KeyOf(index), out var p) ? p : null;
        return new BackendStatus(lb.HostOf(index), health.Status.ToString().ToLowerInvariant(),
            health.Address.Case is IpLiteral ip ? ip.Value : null,
            health.SmoothedMs.Case is double ms ? Math.Round(ms, 3) : null, probe,
            Watch(lb, index));
    }

    WatchStatus? Watch(LbState lb, int index) =>
        !lb.Config.HealthCheck.Watch ? Off
        : watches.TryGetValue(lb.KeyOf(index), out var w) ? w
        : null;

    static readonly WatchStatus Off = new(WatchStatus.Off);
}
