using System.Runtime.InteropServices;

namespace Redirector.Bench;

/// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID, user + system, so
/// page faults count). Unlike wall time it does not grow when other processes take the cores,
/// which on a shared 2-core machine is most of the noise.</summary>
static class ThreadClock
{
    const int ThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out TimeSpec time);

    public static double NowMilliseconds() =>
        ClockGetTime(ThreadCpuTimeId, out var t) == 0
            ? t.Seconds * 1e3 + t.Nanoseconds / 1e6
            : double.NaN;
}
