using Redirector.Shell.Running;

namespace Redirector.Shell.Probing;

/// <summary>The connect deadlines of every watch, on one timer armed for the earliest: a
/// connect that hangs (a full accept queue drops the SYNs) holds neither a thread nor a timer
/// of its own. A watch whose connect ended before its deadline stays queued until then and is
/// passed over (<see cref="Watch.ConnectTimedOut"/> does nothing to it).</summary>
sealed class ConnectDeadlines : IDisposable
{
    readonly Lock gate = new();
    readonly PriorityQueue<Watch, long> due = new();
    readonly Timer timer;
    long armedFor = long.MaxValue;
    bool disposed;

    public ConnectDeadlines() =>
        timer = new Timer(static self => ((ConnectDeadlines)self!).Fire(), this,
            Timeout.Infinite, Timeout.Infinite);

    /// <summary>Times <paramref name="watch"/>'s connect out at <paramref name="at"/>
    /// (<see cref="Clock.NowMs"/>).</summary>
    public void Add(Watch watch, long at)
    {
        lock (gate)
        {
            if (disposed) return;
            due.Enqueue(watch, at);
            if (at < armedFor) Arm(at);
        }
    }

    void Arm(long at)
    {
        armedFor = at;
        timer.Change(Math.Max(0, at - Clock.NowMs()), Timeout.Infinite);
    }

    void Fire()
    {
        List<Watch>? expired = null;
        lock (gate)
        {
            if (disposed) return;
            armedFor = long.MaxValue;
            var now = Clock.NowMs();
            while (due.TryPeek(out var watch, out var at) && at <= now)
            {
                due.Dequeue();
                (expired ??= new()).Add(watch);
            }
            if (due.TryPeek(out _, out var next)) Arm(next);
        }
        // Outside the lock: closing a socket runs its completion, which may start a new watch.
        if (expired is not null)
            foreach (var watch in expired) watch.ConnectTimedOut();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            due.Clear();
        }
        timer.Dispose();
    }
}
