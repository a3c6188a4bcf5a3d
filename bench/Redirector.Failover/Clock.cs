using System.Diagnostics;

namespace Redirector.Failover;

/// <summary>Monotonic timestamps (Stopwatch ticks) and conversions, so every figure shares one
/// clock with the hosts-file poller and the listeners.</summary>
static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Ms(long from, long to) =>
        (to - from) * 1000.0 / Stopwatch.Frequency;

    public static double MsSince(long from) => Ms(from, Now);

    public static long After(TimeSpan span) =>
        Now + (long)(span.TotalSeconds * Stopwatch.Frequency);
}
