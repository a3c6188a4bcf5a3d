using Prometheus;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Observability;

/// <summary>The Prometheus series of issue 8, in a registry of their own (no process or
/// runtime collectors: they are not what an operator of this daemon asks about).</summary>
sealed class RedirectorMetrics
{
    readonly Gauge backendUp;
    readonly Gauge activeBackend;
    readonly Histogram probeDuration;
    readonly Counter probeFailures;
    readonly Counter redirects;
    readonly Counter hostsWrites;
    readonly Counter hostsWriteFailures;
    readonly Gauge lastWrite;
    readonly Counter reloads;
    readonly Dictionary<string, string[]> activeLabels = [];
    readonly HashSet<(string Lb, string Backend)> upLabels = [];

    public RedirectorMetrics(CollectorRegistry registry)
    {
        var f = Metrics.WithCustomRegistry(registry);
        backendUp = f.CreateGauge("redirector_backend_up",
            "1 when the backend's health checks call it up, 0 when down (absent until probed)",
            "lb", "backend");
        activeBackend = f.CreateGauge("redirector_active_backend",
            "Info-style: 1 for the backend each LB's hosts entry names now", "lb", "backend",
            "address");
        probeDuration = f.CreateHistogram("redirector_probe_duration_seconds",
            "Time one health-check probe took, successful or not", new HistogramConfiguration
            {
                LabelNames = ["lb"],
                Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16),
            });
        probeFailures = f.CreateCounter("redirector_probe_failures_total",
            "Failed probes by reason (refused, timeout, dns, tls, status, body, reset, " +
            "unreachable, other)", "lb", "reason");
        redirects = f.CreateCounter("redirector_redirects_total",
            "Times an LB's entry moved from one backend to another (failovers and failbacks)",
            "lb");
        hostsWrites = f.CreateCounter("redirector_hosts_writes_total",
            "Hosts file writes attempted (only when the text changes)");
        hostsWriteFailures = f.CreateCounter("redirector_hosts_write_failures_total",
            "Hosts file writes that failed (nothing usable was written)");
        lastWrite = f.CreateGauge("redirector_hosts_last_write_timestamp_seconds",
            "Unix time of the last successful hosts file write");
        reloads = f.CreateCounter("redirector_config_reloads_total",
            "Configuration reloads (SIGHUP) by outcome: applied or refused", "outcome");
        reloads.WithLabels("applied");
        reloads.WithLabels("refused");
        hostsWrites.Inc(0);
        hostsWriteFailures.Inc(0);
    }

    public void Probed(Observation o)
    {
        probeDuration.WithLabels(o.Backend.Lb).Observe(o.Result.Duration.TotalSeconds);
        if (!o.Result.Ok)
            probeFailures.WithLabels(o.Backend.Lb, ReasonClass.Of(o.Result.Reason)).Inc();
    }

    public void Redirected(Effect.Redirected r)
    {
        if (r.From.IsSome) redirects.WithLabels(r.Lb).Inc();
        else redirects.WithLabels(r.Lb).Inc(0);
    }

    /// <summary>A superseded write was not attempted: another program's edit came first.</summary>
    public void Wrote(WriteResult result, DateTimeOffset now)
    {
        if (result is WriteResult.Superseded) return;
        hostsWrites.Inc();
        if (result is WriteResult.Written) lastWrite.Set(now.ToUnixTimeMilliseconds() / 1000.0);
        else hostsWriteFailures.Inc();
    }

    public void Reloaded(bool applied) => reloads.WithLabels(applied ? "applied" : "refused").Inc();

    /// <summary>Brings every per-backend gauge in line with the state; series of LBs or
    /// backends that are gone are removed, not left at their last value. O(backends): for
    /// the first decisions and reloads, not for every probe.</summary>
    public void Reflect(State state)
    {
        upLabels.RemoveWhere(k =>
        {
            var gone = state.Lbs.Find(k.Lb).Case is not LbState lb
                       || !lb.Config.Backends.Exists(b => b.Host == k.Backend);
            if (gone) backendUp.RemoveLabelled(k.Lb, k.Backend);
            return gone;
        });
        foreach (var lb in state.Lbs.Values)
            for (var i = 0; i < lb.Backends.Count; i++) ReflectBackend(lb, i);
        foreach (var gone in activeLabels.Keys.Where(k => !state.Lbs.ContainsKey(k)).ToList())
        {
            activeBackend.RemoveLabelled(activeLabels[gone]);
            activeLabels.Remove(gone);
        }
        foreach (var lb in state.Lbs.Values) ReflectActive(lb);
    }

    /// <summary>After a probe step: only what the step can have changed.</summary>
    public void Reflect(State state, IEnumerable<BackendKey> probed, IEnumerable<string> lbs)
    {
        foreach (var key in probed)
            if (state.Lbs.Find(key.Lb).Case is LbState lb)
                for (var i = 0; i < lb.Backends.Count; i++)
                    if (lb.KeyOf(i) == key) ReflectBackend(lb, i);
        foreach (var name in lbs)
            if (state.Lbs.Find(name).Case is LbState lb) ReflectActive(lb);
    }

    void ReflectBackend(LbState lb, int index)
    {
        if (lb.Backends[index].Status == Health.Unknown) return;
        upLabels.Add((lb.Name, lb.HostOf(index)));
        backendUp.WithLabels(lb.Name, lb.HostOf(index)).Set(lb.IsUp(index) ? 1 : 0);
    }

    void ReflectActive(LbState lb)
    {
        string[]? now = lb.Entry.Case is Domain.Hosts.HostsEntry entry && lb.Active.Case is int i
            ? [lb.Name, lb.HostOf(i), entry.Address.Value]
            : null;
        activeLabels.TryGetValue(lb.Name, out var before);
        if (before is not null && (now is null || !before.SequenceEqual(now)))
            activeBackend.RemoveLabelled(before);
        if (now is null)
        {
            activeLabels.Remove(lb.Name);
            return;
        }
        activeBackend.WithLabels(now).Set(1);
        activeLabels[lb.Name] = now;
    }
}
