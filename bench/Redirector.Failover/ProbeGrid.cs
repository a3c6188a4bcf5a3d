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
        // Every recorded arrival was accepted before the failure; one stamped just after it
        // is the 4 ms granularity of TCP_INFO, so it is clamped rather than skipped.
        if (arrivals.Count == 0) return null;
        var period = (long)(periodSeconds * Stopwatch.Frequency);
        var last = Math.Min(arrivals[^1], failedAt);
        return last + ((failedAt - last) / period + 1) * period;
    }
}
