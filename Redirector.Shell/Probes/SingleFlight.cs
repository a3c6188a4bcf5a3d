namespace Redirector.Shell.Probes;

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
        Task<TResult> task;
        lock (running)
        {
            if (!running.TryGetValue(key, out task!))
            {
                task = Start(key);
                running[key] = task;
                task.ContinueWith(Forget, key, CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        return task.WaitAsync(ct);
    }

    Task<TResult> Start(TKey key)
    {
        try
        {
            return start(key);
        }
        catch (Exception e)
        {
            return Task.FromException<TResult>(e);
        }
    }

    /// <summary>Observes the outcome too: when every caller gave up, a failure would otherwise
    /// surface as an unobserved task exception.</summary>
    void Forget(Task<TResult> task, object? key)
    {
        _ = task.Exception;
        lock (running)
            if (running.TryGetValue((TKey)key!, out var current) && current == task)
                running.Remove((TKey)key!);
    }
}
