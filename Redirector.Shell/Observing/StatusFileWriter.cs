using System.Text.Json;
using Serilog;

namespace Redirector.Shell.Observing;

/// <summary>Writes the status file atomically (temp file beside it, then rename), at most
/// once per <see cref="MinInterval"/>: a burst of requests ends in one write of the latest
/// snapshot, a little later, and the snapshot is built only then. A missing folder is made
/// (0755) at start, so that a daemon started without systemd (whose RuntimeDirectory= makes
/// /run/redirector) is seen by `status` too; where it goes is <see cref="StatusLocation"/>'s
/// rule.</summary>
sealed class StatusFileWriter : IDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    readonly string path;
    readonly Func<StatusSnapshot?> snapshot;
    readonly ILogger log;
    readonly Lock gate = new();
    readonly Timer timer;
    bool pending;
    DateTimeOffset lastWrite = DateTimeOffset.MinValue;
    string? problem;
    bool wrote;
    bool disposed;

    public StatusFileWriter(string path, Func<StatusSnapshot?> snapshot, ILogger log)
    {
        (this.path, this.snapshot, this.log) = (path, snapshot, log);
        if (StatusLocation.MakeFolder(path) is { } failed)
            log.Warning("{Problem}; `redirector-shell status` will not see this daemon", failed);
        timer = new Timer(_ => Flush());
    }

    /// <summary>Something changed: write now, or when the interval since the last write
    /// ends.</summary>
    public void Request()
    {
        lock (gate)
        {
            if (disposed || pending) return;
            pending = true;
            var due = lastWrite + MinInterval - DateTimeOffset.UtcNow;
            if (due <= TimeSpan.Zero) WritePending();
            else timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    void Flush()
    {
        lock (gate)
            if (!disposed) WritePending();
    }

    void WritePending()
    {
        if (!pending) return;
        pending = false;
        if (snapshot() is not { } current) return;
        var json = JsonSerializer.Serialize(current, StatusJson.Default.StatusSnapshot);
        lastWrite = current.WrittenAt;
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temp, json + "\n");
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
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
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
