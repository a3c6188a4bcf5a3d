namespace Redirector.EndToEnd.Support;

/// <summary>Two loopback backends of which exactly one is up at a time, swapped every few
/// milliseconds on a background task, so a daemon keeps moving its entry between them. Stops
/// (bounded) on dispose; count and time are bounded too.</summary>
public sealed class Flapper : IDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task loop;
    int swaps;

    public Flapper(IReadOnlyList<LoopbackServer> pair, int minMs, int maxMs, int seed,
        TimeSpan maxTime)
    {
        Servers = pair;
        stop.CancelAfter(maxTime);
        var random = new Random(seed);
        loop = Task.Run(async () =>
        {
            var up = 0;
            pair[1].Stop();
            for (var i = 0; i < 1_000_000 && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await Task.Delay(random.Next(minMs, maxMs + 1), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                pair[up].Stop();
                up = 1 - up;
                pair[up].Start();
                Interlocked.Increment(ref swaps);
            }
        });
    }

    public IReadOnlyList<LoopbackServer> Servers { get; }
    public int Swaps => Volatile.Read(ref swaps);

    /// <summary>Stops swapping; the backend that is up stays up. Returns its index.</summary>
    public int Halt()
    {
        stop.Cancel();
        loop.Wait(TimeSpan.FromSeconds(5));
        return Servers[0].Running ? 0 : 1;
    }

    public void Dispose()
    {
        Halt();
        foreach (var server in Servers) server.Dispose();
        stop.Dispose();
    }
}
