using LanguageExt;
using Prometheus;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.HostsFiles;
using Redirector.Shell.Running;
using Serilog;

namespace Redirector.Shell.Observing;

/// <summary>The daemon's one handle on metrics and the status file: it is told what each step
/// saw and did, and keeps both up to date. It observes only; nothing here feeds back into a
/// decision. A probe step costs in proportion to what it touched, not to the number of LBs;
/// the status snapshot is built only when the file is due to be written.
/// metrics_listen and status_file are read at start (a reload does not move them).</summary>
sealed class Observer : IDisposable
{
    readonly Lock gate = new();
    readonly RedirectorMetrics metrics;
    readonly IDisposable? server;
    readonly StatusTracker tracker;
    readonly StatusFileWriter statusFile;
    readonly string hostsFile;
    State? latest;

    Observer(MainConfig main, ILogger log)
    {
        var registry = Metrics.NewCustomRegistry();
        metrics = new RedirectorMetrics(registry);
        foreach (var listen in main.MetricsListen)
        {
            var (started, problem) = MetricsEndpoint.Start(listen, registry);
            if (started is null) log.Error("{Problem}", problem);
            else log.Information("metrics served at http://{Listen}/metrics", listen);
            server = started;
        }
        tracker = new StatusTracker(Environment.ProcessId, DateTimeOffset.UtcNow);
        var statusPath = StatusLocation.ForThisProcess(main.StatusFile);
        if (statusPath != main.StatusFile)
            log.Information("status file {Path}: without root, {Default} is not this daemon's",
                statusPath, main.StatusFile);
        statusFile = new StatusFileWriter(statusPath, Snapshot, log);
        hostsFile = main.HostsFile;
    }

    public static Observer Start(MainConfig main, ILogger log) => new(main, log);

    /// <summary>After each step: the input it took, the effects it returned, the new state.
    /// Metrics and the status fold over the probe results and the events; the state is only
    /// what the status file shows.</summary>
    public void Record(Input input, Seq<Effect> effects, State state)
    {
        var wall = DateTimeOffset.UtcNow;
        var now = Running.Clock.NowMs();
        var probed = input is Input.ProbesObserved p ? p.Results : Seq<Observation>.Empty;
        var news = !effects.IsEmpty || input is not Input.ProbesObserved;
        lock (gate)
        {
            latest = state;
            foreach (var o in probed)
            {
                metrics.Probed(o);
                news |= tracker.Probed(o, wall);
            }
            if (input is Input.WriteFinished w) metrics.Wrote(w.Result, wall);
            foreach (var effect in effects)
            {
                metrics.Apply(effect, state);
                tracker.Apply(effect, wall - TimeSpan.FromMilliseconds(now - At(effect, now)));
            }
        }
        if (!probed.IsEmpty || !effects.IsEmpty || input is Input.ConfigLoaded)
            statusFile.Request(routine: !news);
    }

    /// <summary>A reload whose configuration did not load (the core never saw it).</summary>
    public void Refused()
    {
        lock (gate) metrics.Refused();
    }

    static long At(Effect e, long now) => e switch
    {
        Effect.Redirected r => r.At,
        Effect.EntryRemoved x => x.At,
        Effect.ConfigApplied c => c.At,
        Effect.WatchConnected c => c.At,
        Effect.WatchDropped d => d.At,
        Effect.WatchNotConnected n => n.At,
        Effect.NotWatchable n => n.At,
        _ => now,
    };

    StatusSnapshot? Snapshot()
    {
        lock (gate)
            return latest is null
                ? null
                : tracker.Snapshot(latest, hostsFile, DateTimeOffset.UtcNow);
    }

    public void Dispose()
    {
        server?.Dispose();
        statusFile.Dispose();
    }
}
