using Prometheus;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Observing;

/// <summary>The watch series of <see cref="RedirectorMetrics"/>: whether each backend's watch
/// connection is open, and how many ended per LB, folded from the core's watch events.
/// </summary>
sealed class WatchMetrics
{
    readonly Gauge connected;
    readonly Counter lost;
    readonly HashSet<(string Lb, string Backend)> labels = [];

    public WatchMetrics(MetricFactory f)
    {
        connected = f.CreateGauge("redirector_watch_connected",
            "1 while the backend's watch connection is open, 0 otherwise (absent before the " +
            "first attempt and with watch: false)", "lb", "backend");
        lost = f.CreateCounter("redirector_watch_lost_total",
            "Watch connections that ended (each one probed at once)", "lb");
    }

    public void Apply(Effect effect)
    {
        switch (effect)
        {
            case Effect.WatchConnected c:
                Set(c.Backend, 1);
                lost.WithLabels(c.Backend.Lb).Inc(0);
                break;
            case Effect.WatchDropped d:
                Set(d.Backend, 0);
                lost.WithLabels(d.Backend.Lb).Inc();
                break;
            case Effect.WatchNotConnected n:
                Set(n.Backend, 0);
                break;
            case Effect.NotWatchable n:
                Set(n.Backend, 0);
                break;
        }
    }

    void Set(BackendKey key, int value)
    {
        labels.Add((key.Lb, key.Host));
        connected.WithLabels(key.Lb, key.Host).Set(value);
    }

    /// <summary>A restart closes an LB's watches without a word, and a removal ends them: their
    /// series go rather than claim a connection that is no more. The loss counts stay, as
    /// counters do.</summary>
    public void Forget(HashSet<string> lbs) =>
        labels.RemoveWhere(k =>
        {
            var gone = lbs.Contains(k.Lb);
            if (gone) connected.RemoveLabelled(k.Lb, k.Backend);
            return gone;
        });
}
