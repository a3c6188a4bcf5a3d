using System.Text.Json;
using Serilog;

namespace Redirector.Shell.Observability;

/// <summary>Writes the status file atomically (temp file beside it, then rename), at most
/// once per <see cref="MinInterval"/>: a burst of steps ends in one write of the latest
/// snapshot, a little later. The folder is not created: under systemd RuntimeDirectory= makes
/// /run/redirector, and a daemon run by hand elsewhere should not litter /run.</summary>
sealed class StatusFileWriter : IDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    readonly string path;
    readonly ILogger log;
    readonly Lock gate = new();
    readonly Timer timer;
    StatusSnapshot? pending;
    DateTimeOffset lastWrite = DateTimeOffset.MinValue;
    string? problem;
    bool wrote;
    bool disposed;

    public StatusFileWriter(string path, ILogger log)
    {
        (this.path, this.log) = (path, log);
        timer = new Timer(_ => Flush());
    }

    public void Offer(StatusSnapshot snapshot)
    {
        lock (gate)
        {
            if (disposed) return;
            pending = snapshot;
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
        if (pending is null) return;
        var now = DateTimeOffset.UtcNow;
        var json = JsonSerializer.Serialize(pending with { WrittenAt = now },
            StatusJson.Default.StatusSnapshot);
        (pending, lastWrite) = (null, now);
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
            if (problem != e.Message)
                log.Warning("status file {Path} not written: {Message}; `redirector-shell " +
                            "status` will not see this daemon", path, e.Message);
            problem = e.Message;
        }
    }

    /// <summary>On a clean stop the file goes, so `status` does not describe a dead daemon.</summary>
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
