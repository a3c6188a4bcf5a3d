using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;

namespace Redirector.Shell.Observability;

/// <summary>What the status needs beyond the core's state: each backend's latest probe and
/// when each LB's active backend became active. Both need the clock, which the core does not
/// have, so they are kept here.</summary>
sealed class StatusTracker(int pid, DateTimeOffset startedAt)
{
    readonly Dictionary<BackendKey, LastProbe> probes = [];
    readonly Dictionary<string, (string Active, DateTimeOffset Since)> actives = [];

    public void Probed(Observation o, DateTimeOffset now) =>
        probes[o.Backend] = new LastProbe(o.Result.Ok, o.Result.Reason,
            Math.Round(o.Result.Duration.TotalMilliseconds, 3), now);

    /// <summary>Notes changes of active backend in every LB and forgets LBs that are gone
    /// (first decisions, reloads).</summary>
    public void Reflect(State state, DateTimeOffset now)
    {
        Reflect(state, state.Lbs.Keys, now);
        foreach (var gone in actives.Keys.Where(k => !state.Lbs.ContainsKey(k)).ToList())
            actives.Remove(gone);
        foreach (var key in probes.Keys.Where(k => !state.Lbs.ContainsKey(k.Lb)).ToList())
            probes.Remove(key);
    }

    /// <summary>Notes changes of active backend in the LBs a step touched.</summary>
    public void Reflect(State state, IEnumerable<string> lbs, DateTimeOffset now)
    {
        foreach (var name in lbs)
        {
            if (state.Lbs.Find(name).Case is not LbState lb) continue;
            var active = ActiveOf(lb);
            if (active is null) actives.Remove(lb.Name);
            else if (!actives.TryGetValue(lb.Name, out var was) || was.Active != active)
                actives[lb.Name] = (active, now);
        }
    }

    public StatusSnapshot Snapshot(State state, string hostsFile, DateTimeOffset now) =>
        new(StatusSnapshot.CurrentVersion, pid, startedAt, now, hostsFile, state.Started,
            state.Lbs.Values.Select(Lb).ToArray());

    LbStatus Lb(LbState lb)
    {
        var entry = lb.Entry.Case as HostsEntry;
        var active = lb.Active.Case is int i && entry is not null ? lb.HostOf(i) : null;
        DateTimeOffset? since = actives.TryGetValue(lb.Name, out var a) ? a.Since : null;
        return new LbStatus(lb.Name, lb.Config.LocalHost.Value,
            lb.Config.Strategy.GetType().Name.ToLowerInvariant(), active,
            entry?.Address.Value, active is null ? null : since, lb.AllDown,
            Enumerable.Range(0, lb.Backends.Count).Select(i => Backend(lb, i)).ToArray());
    }

    BackendStatus Backend(LbState lb, int index)
    {
        var health = lb.Backends[index];
        var host = lb.HostOf(index);
        var probe = probes.TryGetValue(lb.KeyOf(index), out var p) ? p : null;
        return new BackendStatus(host, health.Status.ToString().ToLowerInvariant(),
            health.Address.Case is IpLiteral ip ? ip.Value : null,
            health.SmoothedMs.Case is double ms ? Math.Round(ms, 3) : null, probe);
    }

    static string? ActiveOf(LbState lb) =>
        lb.Active.Case is int i && lb.Entry.Case is HostsEntry e
            ? $"{lb.HostOf(i)} {e.Address}"
            : null;
}
