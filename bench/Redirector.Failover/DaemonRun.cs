namespace Redirector.Failover;

/// <summary>One daemon on its own workspace, watched by a poller started before it. Dispose
/// stops the daemon by PID first, then the poller, then deletes the workspace.</summary>
sealed class DaemonRun : IDisposable
{
    static readonly TimeSpan PollerLifetime = TimeSpan.FromMinutes(10);

    readonly Integrity integrity;

    DaemonRun(Workspace workspace, HostsPoller poller, ShellProcess process, Integrity integrity)
    {
        (Workspace, Poller, Process, this.integrity) = (workspace, poller, process, integrity);
    }

    public Workspace Workspace { get; }
    public HostsPoller Poller { get; }
    public ShellProcess Process { get; }

    public static DaemonRun Start(ShellBinary shell, IReadOnlyList<LbSpec> lbs, string original,
        Integrity integrity, TimeSpan? pollInterval = null)
    {
        var workspace = new Workspace(lbs, original);
        var poller = new HostsPoller(workspace.HostsFile, original,
            pollInterval ?? TimeSpan.FromMilliseconds(2), PollerLifetime);
        try
        {
            var process = ShellProcess.Start(shell, workspace.Config, workspace.HostsFile);
            return new DaemonRun(workspace, poller, process, integrity);
        }
        catch
        {
            poller.Dispose();
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>Start to the first poll whose block names every LB; throws with the daemon's
    /// last output when that does not happen in time.</summary>
    public double WaitForFirstWrite(IReadOnlyList<LbSpec> lbs, TimeSpan timeout)
    {
        var names = lbs.Select(lb => lb.HostName).ToArray();
        var deadline = Clock.After(timeout);
        while (Clock.Now < deadline)
        {
            // Short slices, so a daemon that exits at once is reported at once.
            var at = Poller.WaitFor(v => names.All(v.Entries.ContainsKey), Process.StartedAt,
                TimeSpan.FromMilliseconds(100));
            if (at is { } t) return Clock.Ms(Process.StartedAt, t);
            if (Process.Exited) break;
        }
        throw Failed("no first write");
    }

    public BenchFailure Failed(string what) =>
        new($"{what} (daemon {(Process.Exited ? "exited" : "running")}); its last output:\n" +
            Process.Tail());

    public void Dispose()
    {
        try
        {
            Process.Dispose();
        }
        finally
        {
            Poller.Dispose();
            integrity.Add(Poller, Process.ExitCode);
            Workspace.Dispose();
        }
    }
}
