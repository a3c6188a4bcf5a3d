using System.Diagnostics;

namespace Redirector.Shell.Probing;

/// <summary>A backend's sleep until its next probe, which <see cref="Set"/> cuts short.
/// Both ends of a sleep complete on the <see cref="ProbeClock"/> thread, which then starts the
/// probe itself.</summary>
sealed class Wake(ProbeClock clock)
{
    TaskCompletionSource signal = new();

    /// <summary>Asks for a probe now; several before the next sleep count as one.</summary>
    public void Set() => clock.Now(Volatile.Read(ref signal));

    /// <summary>True when woken by <see cref="Set"/> (which it consumes), false when
    /// <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp) came. Throws when
    /// <paramref name="ct"/> is cancelled.</summary>
    public async ValueTask<bool> SleepUntilAsync(long due, CancellationToken ct)
    {
        var current = Volatile.Read(ref signal);
        if (!current.Task.IsCompleted && due > Stopwatch.GetTimestamp())
            await Task.WhenAny(clock.At(due), current.Task);
        ct.ThrowIfCancellationRequested();
        if (!current.Task.IsCompleted) return false;
        Interlocked.CompareExchange(ref signal, new TaskCompletionSource(), current);
        return true;
    }
}
