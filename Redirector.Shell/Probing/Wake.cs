using System.Diagnostics;

namespace Redirector.Shell.Probing;

/// <summary>A backend's sleep until its next probe, which <see cref="Set"/> cuts short and
/// <see cref="SetAt"/> shortens. Both ends of a sleep complete on the <see cref="ProbeClock"/>
/// thread, which then starts the probe itself.</summary>
sealed class Wake(ProbeClock clock)
{
    readonly Lock gate = new();
    TaskCompletionSource signal = new();
    // The earliest ProbeAt still waiting (a Stopwatch timestamp); MaxValue: none.
    long asked = long.MaxValue;

    /// <summary>Asks for a probe now; several before the next sleep count as one.</summary>
    public void Set() => clock.Now(Volatile.Read(ref signal));

    /// <summary>Asks for a probe at <paramref name="timestamp"/> (a <see cref="Stopwatch"/>
    /// timestamp) unless one starts earlier: any probe that starts first, at its turn or
    /// asked for, answers it.</summary>
    public void SetAt(long timestamp)
    {
        lock (gate)
        {
            if (timestamp >= asked) return;
            asked = timestamp;
            clock.Complete(signal, timestamp);
        }
    }

    /// <summary>True when woken by <see cref="Set"/> or <see cref="SetAt"/> (which it
    /// consumes), false when <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp)
    /// came. Throws when <paramref name="ct"/> is cancelled.</summary>
    public async ValueTask<bool> SleepUntilAsync(long due, CancellationToken ct)
    {
        var current = Volatile.Read(ref signal);
        if (!current.Task.IsCompleted && due > Stopwatch.GetTimestamp())
            await Task.WhenAny(clock.At(due), current.Task);
        ct.ThrowIfCancellationRequested();
        lock (gate)
        {
            var woken = current.Task.IsCompleted;
            // The probe about to start answers a ProbeAt still waiting: its completion, queued
            // on the clock, is left to a signal no sleep will look at.
            if (woken || asked != long.MaxValue)
            {
                Interlocked.CompareExchange(ref signal, new TaskCompletionSource(), current);
                asked = long.MaxValue;
            }
            return woken;
        }
    }
}
