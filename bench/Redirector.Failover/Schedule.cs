using System.Diagnostics;

namespace Redirector.Failover;

/// <summary>How punctual the probes were, from the times each backend saw them arrive. The
/// scheduler keeps each backend on a fixed-rate grid (never early), so a backend's grid is
/// found from its arrivals modulo the period: the earliest arrival after the widest empty gap
/// on that circle. A probe is on schedule when it arrived within 10 % of a period after its
/// grid point.</summary>
sealed record Schedule(long Probes, long OnSchedule, double P50Ms, double P99Ms, double MaxMs,
    long Intervals, long IntervalsOk)
{
    public double Share => Probes == 0 ? double.NaN : (double)OnSchedule / Probes;

    /// <summary>A check on the grid estimate that needs none: the share of gaps between a
    /// backend's consecutive probes that were within 10 % of the period.</summary>
    public double IntervalShare => Intervals == 0 ? double.NaN : (double)IntervalsOk / Intervals;

    public static Schedule Of(IEnumerable<IReadOnlyList<long>> arrivals, double periodSeconds)
    {
        var period = (long)(periodSeconds * Stopwatch.Frequency);
        var tolerance = period / 10;
        var lateness = new List<long>();
        var (intervals, intervalsOk) = (0L, 0L);
        foreach (var times in arrivals)
        {
            if (times.Count == 0) continue;
            for (var i = 1; i < times.Count; i++)
            {
                intervals++;
                if (Math.Abs(times[i] - times[i - 1] - period) <= tolerance) intervalsOk++;
            }
            var residues = times.Select(t => Mod(t - times[0], period)).Order().ToArray();
            var grid = GridPoint(residues, period);
            lateness.AddRange(residues.Select(r => Mod(r - grid, period)));
        }
        if (lateness.Count == 0)
            return new Schedule(0, 0, double.NaN, double.NaN, double.NaN, intervals, intervalsOk);
        lateness.Sort();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        return new Schedule(lateness.Count, lateness.Count(l => l <= tolerance),
            Ms(lateness[lateness.Count / 2]), Ms(lateness[(int)(lateness.Count * 0.99)]),
            Ms(lateness[^1]), intervals, intervalsOk);
    }

    /// <summary>The residue that follows the widest gap between sorted residues (circularly).</summary>
    static long GridPoint(long[] sorted, long period)
    {
        var (best, gap) = (sorted[0], sorted[0] + period - sorted[^1]);
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i] - sorted[i - 1] > gap) (best, gap) = (sorted[i], sorted[i] - sorted[i - 1]);
        return best;
    }

    static long Mod(long value, long period) => ((value % period) + period) % period;
}
