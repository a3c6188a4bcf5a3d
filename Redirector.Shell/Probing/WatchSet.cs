using System.Net.Sockets;
using System.Threading.Channels;
using Redirector.Domain.Decision;
using Redirector.Shell.Running;

namespace Redirector.Shell.Probing;

/// <summary>Carries out <see cref="Effect.OpenWatch"/>: one idle TCP connection per backend,
/// reported as <see cref="Input.WatchOpened"/>, then <see cref="Input.WatchLost"/> or
/// <see cref="Input.WatchFailed"/>, stamped with the effect's generation and the time it
/// happened. It decides nothing: when to watch, and what a loss means, are the core's.
/// <para>A backend has at most one watch: a new one for the same backend replaces it
/// silently. <see cref="Stop"/> closes an LB generation's watches; once it has returned
/// nothing more is reported for them (reports and stops take one lock). Reports go to
/// <paramref name="output"/>, then <see cref="Published"/> wakes its reader.</para></summary>
public sealed class WatchSet(ChannelWriter<Input> output) : IDisposable
{
    readonly Lock gate = new();
    readonly Dictionary<string, Dictionary<BackendKey, Watch>> byLb = new();
    readonly ConnectDeadlines deadlines = new();
    bool disposed;

    /// <summary>Called after each report is queued, on the thread that queued it.</summary>
    public Action? Published { get; init; }

    /// <summary>Watches open or connecting.</summary>
    public int Count
    {
        get
        {
            lock (gate) return byLb.Values.Sum(w => w.Count);
        }
    }

    public void Open(Effect.OpenWatch open)
    {
        Watch watch;
        try
        {
            watch = new Watch(this, open);
        }
        catch (SocketException e)
        {
            // No socket to be had (EMFILE): the core hears of it as of any failed connect.
            Report(new Input.WatchFailed(Clock.NowMs(), open.Backend, open.Generation,
                WatchWords.NotConnected(e.SocketErrorCode)));
            return;
        }
        Watch? replaced;
        lock (gate)
        {
            if (disposed)
            {
                watch.Close();
                return;
            }
            var watches = Watches(open.Backend.Lb);
            watches.TryGetValue(open.Backend, out replaced);
            watches[open.Backend] = watch;
        }
        replaced?.Close();
        deadlines.Add(watch, Clock.NowMs() + (long)Math.Ceiling(open.ConnectTimeout.TotalMilliseconds));
        watch.Start();
    }

    /// <summary>Closes the watches of this LB opened under this generation, silently.</summary>
    public void Stop(string lb, int generation)
    {
        var closing = new List<Watch>();
        lock (gate)
        {
            if (!byLb.TryGetValue(lb, out var watches)) return;
            foreach (var watch in watches.Values)
                if (watch.Generation == generation) closing.Add(watch);
            foreach (var watch in closing) watches.Remove(watch.Backend);
            if (watches.Count == 0) byLb.Remove(lb);
        }
        foreach (var watch in closing) watch.Close();
    }

    /// <summary>Closes every watch, silently (the daemon stops).</summary>
    public void Dispose()
    {
        var closing = new List<Watch>();
        lock (gate)
        {
            disposed = true;
            foreach (var watches in byLb.Values) closing.AddRange(watches.Values);
            byLb.Clear();
        }
        foreach (var watch in closing) watch.Close();
        deadlines.Dispose();
    }

    /// <summary>The watch connected. False when it is no longer this set's (stopped or
    /// replaced): it then ends without a word.</summary>
    internal bool Opened(Watch watch)
    {
        lock (gate)
        {
            if (!IsCurrent(watch)) return false;
            output.TryWrite(new Input.WatchOpened(Clock.NowMs(), watch.Backend, watch.Generation));
        }
        Published?.Invoke();
        return true;
    }

    internal void Ended(Watch watch, WatchEnd end, string words)
    {
        lock (gate)
        {
            if (!IsCurrent(watch)) return;
            var watches = byLb[watch.Backend.Lb];
            watches.Remove(watch.Backend);
            if (watches.Count == 0) byLb.Remove(watch.Backend.Lb);
            if (end == WatchEnd.Silent) return;
            var now = Clock.NowMs();
            output.TryWrite(end == WatchEnd.Lost
                ? new Input.WatchLost(now, watch.Backend, watch.Generation, words)
                : new Input.WatchFailed(now, watch.Backend, watch.Generation, words));
        }
        Published?.Invoke();
    }

    void Report(Input input)
    {
        lock (gate)
        {
            if (disposed) return;
            output.TryWrite(input);
        }
        Published?.Invoke();
    }

    bool IsCurrent(Watch watch) =>
        byLb.TryGetValue(watch.Backend.Lb, out var watches)
        && watches.TryGetValue(watch.Backend, out var current) && ReferenceEquals(current, watch);

    Dictionary<BackendKey, Watch> Watches(string lb)
    {
        if (!byLb.TryGetValue(lb, out var watches)) byLb[lb] = watches = new();
        return watches;
    }
}
