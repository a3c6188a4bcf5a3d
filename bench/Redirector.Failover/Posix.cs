using System.Runtime.InteropServices;

namespace Redirector.Failover;

/// <summary>SIGTERM by PID: the daemon's documented clean stop, which Process.Kill cannot send.</summary>
static class Posix
{
    public const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;
}
