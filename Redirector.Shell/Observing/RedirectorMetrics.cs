using Prometheus;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Observing;

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
    readonly WatchMetrics watches;
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
        watches = new WatchMetrics(f);
        reloads.WithLabels("applied");
        reloads.WithLabels("refused");
        hostsWrites.Inc(0);
        hostsWriteFailures.Inc(0);
    }

    public void Probed(Observation o)
    {
        probeDuration.WithLabels(o.Backend.Lb).Observe(o.Result.Duration.TotalSeconds);
        if (o.Result is ProbeResult.Down down)
            probeFailures.WithLabels(o.Backend.Lb, ReasonClass.Of(down.Failure.Kind)).Inc();
    }

    void Redirected(Effect.Redirected r)
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

    /// <summary>A reload whose configuration did not load: the core never saw it.</summary>
    public void Refused() => reloads.WithLabels("refused").Inc();

    /// <summary>Folds one of the core's events into the series: health from went up/down,
    /// the active backend from redirects and removed entries, reloads from their outcome.
    /// <paramref name="state"/> is read only to drop the series of backends a reload
    /// removed.</summary>
    public void Apply(Effect effect, State state)
    {
        switch (effect)
        {
            case Effect.BackendWentUp u:
                SetUp(u.Backend, 1);
                break;
            case Effect.BackendWentDown d:
                SetUp(d.Backend, 0);
                break;
            case Effect.Redirected r:
                Redirected(r);
                SetActive(r.Lb, [r.Lb, r.To, r.Address.Value]);
                break;
            case Effect.EntryRemoved e:
                SetActive(e.Lb, null);
                break;
            case Effect.ConfigApplied c:
                foreach (var gone in c.Removed) SetActive(gone, null);
                Forget(state);
                watches.Forget([.. c.Removed, .. c.Restarted]);
                reloads.WithLabels("applied").Inc();
                break;
            case Effect.ReloadRefused:
                reloads.WithLabels("refused").Inc();
                break;
            default:
                watches.Apply(effect);
                break;
        }
    }

    void SetUp(BackendKey key, int up)
    {
        upLabels.Add((key.Lb, key.Host));
        backendUp.WithLabels(key.Lb, key.Host).Set(up);
    }

    /// <summary>Series of LBs or backends that a reload removed go, rather than stay at their
    /// last value.</summary>
    void Forget(State state) =>
        upLabels.RemoveWhere(k =>
        {
            var gone = state.Lbs.Find(k.Lb).Case is not LbState lb
                       || !lb.Config.Backends.Exists(b => b.Host == k.Backend);
            if (gone) backendUp.RemoveLabelled(k.Lb, k.Backend);
            return gone;
        });

    void SetActive(string lb, string[]? now)
    {
        activeLabels.TryGetValue(lb, out var before);
        if (before is not null && (now is null || !before.SequenceEqual(now)))
            activeBackend.RemoveLabelled(before);
        if (now is null)
        {
            activeLabels.Remove(lb);
            return;
        }
        activeBackend.WithLabels(now).Set(1);
        activeLabels[lb] = now;
    }
}
