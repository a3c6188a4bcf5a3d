using System.Diagnostics;

namespace Redirector.Shell.Probing;

/// <summary>One thread that wakes when the next probe is due and starts it itself. Timers
/// would hand each due probe from the runtime's timer thread to a pool thread first: two
/// thread wake-ups per probe, most of the CPU a probe costs on loopback (BENCHMARKS.md, f).
/// The tasks it returns complete on this thread with their continuations run inline, so the
/// awaiting probe loop must only start non-blocking work before it awaits again.</summary>
sealed class ProbeClock : IDisposable
{
    readonly object gate = new();
    readonly PriorityQueue<TaskCompletionSource, long> due = new();
    readonly Thread thread;
    bool disposed;

    public ProbeClock()
    {
        thread = new Thread(Run) { IsBackground = true, Name = "probe clock" };
        thread.Start();
    }

    /// <summary>Completes at <paramref name="timestamp"/> (a <see cref="Stopwatch"/>
    /// timestamp), or at once if it has passed or the clock is disposed.</summary>
    public Task At(long timestamp)
    {
        var completion = new TaskCompletionSource();
        lock (gate)
        {
            if (disposed) return Task.CompletedTask;
            var wasFirst = !due.TryPeek(out _, out var first) || timestamp < first;
            due.Enqueue(completion, timestamp);
            if (wasFirst) Monitor.Pulse(gate);
        }
        return completion.Task;
    }

    /// <summary>Completes <paramref name="completion"/> on the clock's thread as soon as it
    /// can, so that a wake-up starts its probe there as well, without a pool thread.</summary>
    // Timestamps are positive: 0 sorts first and never overflows a subtraction.
    public void Now(TaskCompletionSource completion) => Complete(completion, 0);

    /// <summary>Completes <paramref name="completion"/> on the clock's thread at
    /// <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp), or at once if it has
    /// passed or the clock is disposed.</summary>
    public void Complete(TaskCompletionSource completion, long timestamp)
    {
        lock (gate)
        {
            if (disposed)
            {
                completion.TrySetResult();
                return;
            }
            var wasFirst = !due.TryPeek(out _, out var first) || timestamp < first;
            due.Enqueue(completion, timestamp);
            if (wasFirst) Monitor.Pulse(gate);
        }
    }

    void Run()
    {
        var ready = new List<TaskCompletionSource>();
        while (true)
        {
            lock (gate)
            {
                while (!disposed)
                {
                    if (!due.TryPeek(out _, out var first))
                    {
                        Monitor.Wait(gate);
                        continue;
                    }
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), first);
                    if (wait <= TimeSpan.Zero) break;
                    // Rounded up: waking early would spin through zero-length waits.
                    Monitor.Wait(gate, (int)Math.Min(Math.Ceiling(wait.TotalMilliseconds), 60_000));
                }
                var now = Stopwatch.GetTimestamp();
                while (due.TryPeek(out var next, out var at) && (disposed || at <= now))
                    ready.Add(due.Dequeue());
            }
            foreach (var completion in ready) completion.TrySetResult();
            ready.Clear();
            lock (gate)
                if (disposed && due.Count == 0) return;
        }
    }

    /// <summary>Completes every pending wait, so the loops awaiting them can see their
    /// cancellation and end.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            Monitor.Pulse(gate);
        }
    }
}
