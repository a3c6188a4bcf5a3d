using System.Diagnostics;
using System.Text.Json;
using Serilog;

namespace Redirector.Shell.Observing;

/// <summary>Writes the status file atomically (temp file beside it, then rename), at most
/// once per <see cref="MinInterval"/>: a burst of requests ends in one write of the latest
/// snapshot, a little later, and the snapshot is built only then. A routine request (probes
/// that found what the previous ones found, only newer times and latencies) waits until the
/// refresh interval has passed since the last write: in a quiet daemon rewriting the file
/// after every probe was most of its CPU, and what `status` shows of a change an operator acts
/// on (up, down, a redirect, a watch) is still at most a pause late. A write that took long
/// stretches the pause before the next to <see cref="PauseFactor"/> times its cost, so that
/// with thousands of backends (megabytes of status) the file costs a bounded share of a core
/// instead of a thread writing without pause. Writes run on the timer's thread, never on the
/// caller's: <see cref="Request"/> does not wait for one. A missing folder is made (0755) at
/// start, so that a daemon started without systemd (whose RuntimeDirectory= makes
/// /run/redirector) is seen by `status` too; where it goes is <see cref="StatusLocation"/>'s
/// rule.</summary>
sealed class StatusFileWriter : IDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a routine refresh waits (the age `status` may show of a latency).
    /// </summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromSeconds(5);

    /// <summary>At most a tenth of a core goes to the status file.</summary>
    public const int PauseFactor = 9;

    const int BufferSize = 64 * 1024;

    readonly string path;
    readonly Func<StatusSnapshot?> snapshot;
    readonly ILogger log;
    // Short: whether a write is asked for or running, and when the next may start.
    readonly Lock gate = new();
    // Held over a whole write, so that Dispose does not delete the file under it.
    readonly Lock file = new();
    readonly Timer timer;
    bool pending;
    // Whether a pending request is more than routine.
    bool urgent;
    DateTimeOffset lastWrite = DateTimeOffset.MinValue;
    bool busy;
    DateTimeOffset nextWrite = DateTimeOffset.MinValue;
    string? problem;
    bool wrote;
    bool disposed;

    readonly TimeSpan refreshInterval;

    public StatusFileWriter(
        string path, Func<StatusSnapshot?> snapshot, ILogger log, TimeSpan? refreshInterval = null)
    {
        (this.path, this.snapshot, this.log) = (path, snapshot, log);
        this.refreshInterval = refreshInterval ?? DefaultRefreshInterval;
        if (StatusLocation.MakeFolder(path) is { } failed)
            log.Warning("{Problem}; `redirector-shell status` will not see this daemon", failed);
        timer = new Timer(_ => Flush());
    }

    /// <summary>Something changed: write as soon as the pause since the last write ends, or,
    /// for a <paramref name="routine"/> change, once the refresh interval has passed since
    /// it.</summary>
    public void Request(bool routine = false)
    {
        lock (gate)
        {
            if (disposed) return;
            var armedEarlyEnough = pending && (urgent || routine);
            pending = true;
            urgent |= !routine;
            // A write running now arms the timer when it ends.
            if (!armedEarlyEnough && !busy) Arm();
        }
    }

    void Arm()
    {
        var refresh = lastWrite + refreshInterval;
        var due = (urgent || refresh < nextWrite ? nextWrite : refresh) - DateTimeOffset.UtcNow;
        timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    void Flush()
    {
        lock (gate)
        {
            if (disposed || !pending || busy) return;
            (pending, urgent, busy) = (false, false, true);
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            lock (file)
                if (!disposed) Write();
        }
        finally
        {
            var pause = Stopwatch.GetElapsedTime(started) * PauseFactor;
            lock (gate)
            {
                busy = false;
                lastWrite = DateTimeOffset.UtcNow;
                nextWrite = lastWrite + (pause > MinInterval ? pause : MinInterval);
                if (pending && !disposed) Arm();
            }
        }
    }

    void Write()
    {
        if (snapshot() is not { } current) return;
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            // Streamed, not built as one string: with thousands of backends the text is
            // megabytes, and a string of it lands on the large-object heap at each write,
            // which only a full collection frees.
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write,
                       FileShare.None, BufferSize))
            {
                JsonSerializer.Serialize(stream, current, StatusJson.Default.StatusSnapshot);
                stream.WriteByte((byte)'\n');
            }
            File.Move(temp, path, overwrite: true);
            if (problem is not null) log.Information("status file {Path} written again", path);
            (problem, wrote) = (null, true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            var why = Errors.Describe(e);
            if (problem != why)
                log.Warning("status file {Path} not written: {Message}; `redirector-shell " +
                            "status` will not see this daemon", path, why);
            problem = why;
        }
    }

    /// <summary>On a clean stop the file goes, so `status` does not describe a dead
    /// daemon.</summary>
    public void Dispose()
    {
        lock (file)
        {
            lock (gate)
            {
                disposed = true;
                timer.Dispose();
            }
            if (wrote) TryDelete(path);
        }
    }

    static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to do: the next start overwrites it.
        }
    }
}
