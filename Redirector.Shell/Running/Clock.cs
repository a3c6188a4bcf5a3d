using System.Diagnostics;

namespace Redirector.Shell.Running;

/// <summary>The time every input carries: monotonic milliseconds, so a wall-clock jump
/// (NTP, a suspended VM) never makes an episode look older or younger than it is.</summary>
static class Clock
{
    public static long NowMs() => (long)Stopwatch.GetElapsedTime(0).TotalMilliseconds;

    /// <summary>The <see cref="Stopwatch"/> timestamp of a time in <see cref="NowMs"/>'s
    /// milliseconds (the scheduler's clock counts in those).</summary>
    public static long ToTimestamp(long ms) => (long)(ms * (Stopwatch.Frequency / 1000.0));
}
