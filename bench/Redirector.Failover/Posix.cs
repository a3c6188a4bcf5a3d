using System.Runtime.InteropServices;

namespace Redirector.Failover;

/// <summary>Signals by PID: SIGTERM, the daemon's documented clean stop, which Process.Kill
/// cannot send; SIGKILL timed to the call, for backends that crash.</summary>
static class Posix
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;
}
