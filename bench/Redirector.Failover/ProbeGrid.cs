using System.Diagnostics;

namespace Redirector.Failover;

/// <summary>When the daemon's first probe after a failure was due, from the arrivals the backend
/// saw before it failed: the scheduler keeps each backend on a fixed-rate grid, so the next
/// probe is due a whole number of periods after the last one. Failover time minus this wait is
/// the daemon's own reaction (decide and write), the part a faster probe loop cannot hide.</summary>
static class ProbeGrid
{
    public static long? NextDue(IReadOnlyList<long> arrivals, long failedAt, double periodSeconds)
    {
        var before = arrivals.Where(t => t <= failedAt).ToArray();
        if (before.Length == 0) return null;
        var period = (long)(periodSeconds * Stopwatch.Frequency);
        var last = before[^1];
        return last + ((failedAt - last) / period + 1) * period;
    }
}
