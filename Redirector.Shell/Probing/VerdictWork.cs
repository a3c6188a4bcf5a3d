namespace Redirector.Shell.Probing;

/// <summary>Runs CPU-bound verdict work (regex matching, body decoding) on the thread pool.
/// Socket operations complete inline on one thread per core (Program.cs), which serves every
/// socket of its share: a match that backtracks for its whole timeout there would stall all of
/// them and turn healthy backends into false timeouts. At most one fewer than the cores run at
/// once, so a pool thread stays free for the timers that end probes. A caller waits only until
/// its own timeout; work already started runs to its end (a regex to its match timeout) and
/// keeps its slot meanwhile, so the bound holds for the CPU actually used.</summary>
static class VerdictWork
{
    public static readonly int MaxConcurrent = Math.Max(1, Environment.ProcessorCount - 1);

    static readonly SemaphoreSlim Slots = new(MaxConcurrent);

    /// <summary><paramref name="work"/> must not throw: a caller that gave up would leave its
    /// exception unobserved.</summary>
    public static async Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        await Slots.WaitAsync(ct);
        var running = Task.Run(() =>
        {
            try
            {
                return work();
            }
            finally
            {
                Slots.Release();
            }
        }, CancellationToken.None);
        return await running.WaitAsync(ct);
    }
}
