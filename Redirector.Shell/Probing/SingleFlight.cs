namespace Redirector.Shell.Probing;

/// <summary>At most one run of <c>start</c> in flight per key: a caller that asks for a key
/// already running gets the same task instead of starting another. Once it ends the next
/// caller starts afresh, so nothing is cached beyond the run. Callers bound their wait with
/// their own token; the run itself goes on, which is the point when it cannot be cancelled
/// (a blocked getaddrinfo): later callers join it instead of stacking up behind it.</summary>
sealed class SingleFlight<TKey, TResult>(
    Func<TKey, Task<TResult>> start, IEqualityComparer<TKey> keys)
    where TKey : notnull
{
    readonly Dictionary<TKey, Task<TResult>> running = new(keys);

    public int InFlight { get { lock (running) return running.Count; } }

    public Task<TResult> RunAsync(TKey key, CancellationToken ct)
    {
        lock (running)
        {
            if (!running.TryGetValue(key, out var task))
            {
                task = RunThenForgetAsync(key);
                // One that ended at once has already been forgotten (the lock is re-entrant).
                if (!task.IsCompleted) running[key] = task;
            }
            return task.WaitAsync(ct);
        }
    }

    /// <summary>Forgotten before its callers see the outcome, so a caller that asks again
    /// after it ended always starts a new run.</summary>
    async Task<TResult> RunThenForgetAsync(TKey key)
    {
        try
        {
            return await start(key);
        }
        finally
        {
            lock (running) running.Remove(key);
        }
    }
}
