namespace Redirector.Failover;

/// <summary>PIDs of daemons started and not yet stopped, so that an interrupted run (Ctrl-C, an
/// exception escaping a scenario) still kills each of them by PID on the way out.</summary>
static class Children
{
    static readonly HashSet<int> pids = new();

    public static void Add(int pid)
    {
        lock (pids) pids.Add(pid);
    }

    public static void Remove(int pid)
    {
        lock (pids) pids.Remove(pid);
    }

    public static void KillAll()
    {
        int[] left;
        lock (pids) left = pids.ToArray();
        foreach (var pid in left)
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                p.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
            }
        }
    }
}
