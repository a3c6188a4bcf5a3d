using System.Text.Json;
using LanguageExt;
using Prometheus;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.HostsFiles;
using Serilog;

namespace Redirector.Shell.Observability;

/// <summary>The daemon's one handle on metrics and the status file: it is told what each step
/// saw and did, and keeps both up to date. It observes only; nothing here feeds back into a
/// decision. metrics_listen and status_file are read at start (a reload does not move them).
/// </summary>
sealed class Observer : IDisposable
{
    readonly RedirectorMetrics metrics;
    readonly IDisposable? server;
    readonly StatusTracker tracker;
    readonly StatusFileWriter statusFile;
    readonly string hostsFile;
    string lastStatus = "";

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
        statusFile = new StatusFileWriter(main.StatusFile, log);
        hostsFile = main.HostsFile;
    }

    public static Observer Start(MainConfig main, ILogger log) => new(main, log);

    /// <summary>After each step: the input it took, the effects it returned, the new state.</summary>
    public void Record(Input input, Seq<Effect> effects, State state)
    {
        var now = DateTimeOffset.UtcNow;
        if (input is Input.ProbesObserved probes)
            foreach (var o in probes.Results)
            {
                metrics.Probed(o);
                if (state.Lbs.Find(o.Backend.Lb).Case is LbState lb
                    && o.Backend.Index < lb.Backends.Count)
                    tracker.Probed(o, lb.HostOf(o.Backend.Index), now);
            }
        foreach (var effect in effects)
            if (effect is Effect.Redirected r) metrics.Redirected(r);
        metrics.Reflect(state);
        tracker.Reflect(state, now);
        var snapshot = tracker.Snapshot(state, hostsFile, now);
        // Only a step that changed something is written; the time of writing does not count.
        var key = JsonSerializer.Serialize(snapshot with { WrittenAt = default },
            StatusJson.Default.StatusSnapshot);
        if (key == lastStatus) return;
        lastStatus = key;
        statusFile.Offer(snapshot);
    }

    /// <summary>Counts a hosts write and passes its outcome on.</summary>
    public WriteOutcome Wrote(WriteOutcome outcome)
    {
        metrics.Wrote(outcome, DateTimeOffset.UtcNow);
        return outcome;
    }

    public void Reloaded(bool applied) => metrics.Reloaded(applied);

    public void Dispose()
    {
        server?.Dispose();
        statusFile.Dispose();
    }
}
