namespace Redirector.Shell.Running;

/// <summary>Wakes the daemon's own thread when a probe result or a control message has been
/// queued. A dedicated thread waiting here costs one wake-up per batch; awaiting the channels
/// on the thread pool cost four or five (the pool wakes helpers for every item).</summary>
sealed class Doorbell : IDisposable
{
    // No spinning: the daemon mostly waits, and a spin burns CPU on every wake-up.
    readonly ManualResetEventSlim rung = new(false, spinCount: 0);

    /// <summary>Call after queueing: a ring before the wait is not lost.</summary>
    public void Ring() => rung.Set();

    /// <summary>Waits for a ring and clears it; the caller then drains every queue. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="stop"/> is cancelled.
    /// </summary>
    public void Wait(CancellationToken stop)
    {
        rung.Wait(stop);
        rung.Reset();
    }

    public void Dispose() => rung.Dispose();
}
