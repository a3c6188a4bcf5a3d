using System.Threading.Channels;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.Observability;
using Redirector.Shell.Scheduling;
using Redirector.Shell.Systemd;
using Serilog;

namespace Redirector.Shell.Running;

/// <summary>The daemon: gathers what happened (hosts readings, a reload, probe results, a stop),
/// steps the core with each, and carries out the effects it returns. Nothing here decides.
/// </summary>
sealed class Daemon(string configPath, string? hostsOverride, Configuration config, ILogger log)
{
    static readonly TimeSpan HostsSettle = TimeSpan.FromMilliseconds(30);

    readonly Channel<Observation> observations =
        Channel.CreateUnbounded<Observation>(new() { SingleReader = true });
    readonly Channel<Control> control =
        Channel.CreateUnbounded<Control>(new() { SingleReader = true });
    readonly Option<SystemdNotifier> systemd = SystemdNotifier.FromEnvironment();
    readonly Doorbell bell = new();
    readonly HostsText hosts = new(config.Main.HostsFile);
    readonly EffectLog effectLog = new(log, config.Main.HostsFile, configPath);
    State state = Decider.Initial(Startup.Seed());
    int generation;
    bool stopped;
    ProbeScheduler scheduler = null!;
    Observer observer = null!;

    /// <summary>Runs until SIGTERM or SIGINT, or until <paramref name="end"/> is cancelled (the
    /// demo ends its daemon by itself).</summary>
    public async Task<int> RunAsync(CancellationToken end = default)
    {
        using var signals = Signals.Register(() => Post(Control.Stop), () => Post(Control.Reload));
        using var ending = end.Register(() => Post(Control.Stop));
        foreach (var path in config.Main.PidFile)
            if (PidFile.Write(path, Environment.ProcessId) is { } problem)
                log.Warning("{Error}", problem);
        using var observing = observer = Observer.Start(config.Main, log);
        log.Information("redirector {Version} started: {Count} load balancer(s), hosts file {Path}",
            Cli.Version, config.Lbs.Count, hosts.Path);
        scheduler = new ProbeScheduler(observations.Writer) { Published = bell.Ring };
        using (new HostsWatch(hosts.Path, () => Post(Control.HostsChanged), log))
            await DaemonThread.Run(Loop);
        await scheduler.StopAsync();
        foreach (var path in config.Main.PidFile) PidFile.Remove(path, Environment.ProcessId);
        log.Information("redirector stopped");
        return ExitCodes.Ok;
    }

    void Post(Control message)
    {
        control.Writer.TryWrite(message);
        bell.Ring();
    }

    void Loop()
    {
        Step(new Input.HostsRead(Clock.NowMs(), hosts.Gather().Reading));
        Step(new Input.ConfigLoaded(Clock.NowMs(), config, ++generation));
        var batch = new List<Observation>();
        while (!stopped)
        {
            bell.Wait(CancellationToken.None);
            var asked = Drain();
            // Let another program finish writing the file before reading it back, even with
            // probe results waiting: a result must not make the daemon read (and then replace)
            // a file that a plain writer has truncated but not yet filled.
            if (asked.Contains(Control.HostsChanged) && asked.Count == 1)
            {
                Thread.Sleep(HostsSettle);
                asked.UnionWith(Drain());
            }
            var (reading, fresh) = hosts.Gather();
            if (fresh) Step(new Input.HostsRead(Clock.NowMs(), reading));
            if (asked.Contains(Control.Reload)) Reload();
            batch.Clear();
            while (observations.Reader.TryRead(out var o)) batch.Add(o);
            if (batch.Count > 0) Step(new Input.ProbesObserved(Clock.NowMs(), batch.ToSeq().Strict()));
            if (!asked.Contains(Control.Stop)) continue;
            foreach (var n in systemd) n.Notify(SystemdNotifier.Stopping);
            Step(new Input.Stopping(Clock.NowMs()));
        }
    }

    System.Collections.Generic.HashSet<Control> Drain()
    {
        var asked = new System.Collections.Generic.HashSet<Control>();
        while (control.Reader.TryRead(out var c)) asked.Add(c);
        return asked;
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
            case Effect.StartProbing start:
                scheduler.Start(start.Lb, start.Generation);
                break;
            case Effect.StopProbing stop:
                scheduler.Stop(stop.Lb, stop.Generation);
                break;
            case Effect.ReadHosts:
                Post(Control.HostsChanged);
                break;
            case Effect.Ready:
                foreach (var n in systemd) n.Notify(SystemdNotifier.Ready);
                break;
            case Effect.Stopped:
                stopped = true;
                break;
        }
    }

    /// <summary>SIGHUP: a configuration that loads is the core's to apply or refuse; one that
    /// does not is reported and the running one stays.</summary>
    void Reload()
    {
        foreach (var n in systemd) n.Notify(SystemdNotifier.Reloading);
        var loaded = ConfigLoader.Load(configPath, hostsOverride);
        foreach (var warning in loaded.Warnings) log.Warning("config: {Warning}", warning.ToString());
        loaded.Config.Match(
            Succ: next => Step(new Input.ConfigLoaded(Clock.NowMs(), next, ++generation)),
            Fail: errors =>
            {
                observer.Refused();
                effectLog.Refused(errors.Map(e => e.ToString()));
            });
        foreach (var n in systemd) n.Notify(SystemdNotifier.Ready);
    }
}
