using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.ConfigLoading;
using Redirector.Shell.HostsFiles;
using Redirector.Shell.Observing;
using Redirector.Shell.Probing;
using Serilog;

namespace Redirector.Shell.Running;

/// <summary>The daemon: gathers what happened (a hosts reading, a reload, probe results, watch
/// reports, a stop), steps the core with each, and carries out the effects it returns. Nothing here
/// decides.</summary>
sealed class Daemon(string configPath, string? hostsOverride, Configuration config, ILogger log)
{
    readonly Inbox inbox = new();
    readonly Option<SystemdNotifier> systemd = SystemdNotifier.FromEnvironment();
    readonly HostsText hosts = new(config.Main.HostsFile);
    readonly EffectLog effectLog = new(log, config.Main.HostsFile, configPath);
    State state = Decider.Initial(Startup.Seed());
    int generation;
    bool stopped;
    ProbeScheduler scheduler = null!;
    WatchSet watches = null!;
    Observer observer = null!;

    /// <summary>Runs until SIGTERM or SIGINT, or until <paramref name="end"/> is cancelled (the
    /// demo ends its daemon by itself). With <paramref name="onCallerThread"/> the loop runs on
    /// the calling thread, which must have nothing else to do meanwhile (the daemon command's
    /// main thread would otherwise only wait for the loop's own thread: one thread for
    /// nothing); otherwise on a thread of its own.</summary>
    public async Task<int> RunAsync(CancellationToken end = default, bool onCallerThread = false)
    {
        using var signals = Signals.Register(
            () => inbox.Post(Control.Stop), () => inbox.Post(Control.Reload));
        using var ending = end.Register(() => inbox.Post(Control.Stop));
        foreach (var path in config.Main.PidFile)
            if (PidFile.Write(path, Environment.ProcessId) is { } problem)
                log.Warning("{Error}", problem);
        using var observing = observer = Observer.Start(config.Main, log);
        OpenFilesLimit.Raise(config, log);
        log.Information("redirector {Version} started: {Count} load balancer(s), hosts file {Path}",
            Cli.Version, config.Lbs.Count, hosts.Path);
        scheduler = new ProbeScheduler(inbox.Results) { Published = inbox.Ring };
        using (watches = new WatchSet(inbox.Watches) { Published = inbox.Ring })
        using (new HostsWatch(hosts.Path, () => inbox.Post(Control.HostsChanged), log))
            if (onCallerThread) Loop();
            else await DaemonThread.Run(Loop);
        await scheduler.StopAsync();
        foreach (var path in config.Main.PidFile) PidFile.Remove(path, Environment.ProcessId);
        log.Information("redirector stopped");
        return ExitCodes.Ok;
    }

    void Loop()
    {
        Step(new Input.HostsRead(Clock.NowMs(), hosts.Gather().Reading));
        Step(new Input.ConfigLoaded(Clock.NowMs(), config, ++generation));
        while (!stopped)
        {
            var (asked, results, watched) = inbox.Next();
            // First: they were stamped when they happened, before this batch was gathered.
            foreach (var report in watched) Step(report);
            var (reading, fresh) = hosts.Gather();
            if (fresh) Step(new Input.HostsRead(Clock.NowMs(), reading));
            if (asked.Contains(Control.Reload)) Reload();
            if (!results.IsEmpty) Step(new Input.ProbesObserved(Clock.NowMs(), results));
            if (!asked.Contains(Control.Stop)) continue;
            foreach (var n in systemd) n.Notify(SystemdNotifier.Stopping);
            Step(new Input.Stopping(Clock.NowMs()));
        }
    }

    void Step(Input input)
    {
        if (input is Input.ProbesObserved probes) effectLog.Probed(probes);
        var (next, effects) = Decider.Step(state, input);
        state = next;
        foreach (var effect in effects) CarryOut(effect);
        // After carrying out, so a scrape never shows a redirect before its write; with the
        // state as it is then (a write's outcome may have been stepped meanwhile).
        observer.Record(input, effects, state);
    }

    void CarryOut(Effect effect)
    {
        effectLog.Write(effect);
        switch (effect)
        {
            case Effect.WriteHosts w:
                Step(new Input.WriteFinished(Clock.NowMs(), hosts.Write(w).ToResult()));
                break;
            case Effect.ProbeNow now:
                scheduler.ProbeNow(now.Backends);
                break;
            case Effect.ProbeAt at:
                scheduler.ProbeAt(at.Backends, at.At);
                break;
            case Effect.OpenWatch open:
                watches.Open(open);
                break;
            case Effect.StartProbing start:
                scheduler.Start(start.Lb, start.Generation);
                break;
            case Effect.StopProbing stop:
                scheduler.Stop(stop.Lb, stop.Generation);
                watches.Stop(stop.Lb, stop.Generation);
                break;
            case Effect.ReadHosts:
                inbox.Post(Control.HostsChanged);
                break;
            case Effect.Ready:
                foreach (var n in systemd) n.Notify(SystemdNotifier.Ready);
                break;
            case Effect.Stopped:
                stopped = true;
                break;
        }
    }

    /// <summary>SIGHUP: systemd hears of it; the core applies or refuses what loaded.</summary>
    void Reload()
    {
        foreach (var n in systemd) n.Notify(SystemdNotifier.Reloading);
        foreach (var next in ConfigReload.Load(configPath, hostsOverride, log, observer.Refused,
                     effectLog))
            Step(new Input.ConfigLoaded(Clock.NowMs(), next, ++generation));
        foreach (var n in systemd) n.Notify(SystemdNotifier.Ready);
    }
}
