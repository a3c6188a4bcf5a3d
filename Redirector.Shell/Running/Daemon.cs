using System.Runtime.InteropServices;
using System.Threading.Channels;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using Redirector.Shell.HostsFiles;
using Redirector.Shell.Observability;
using Redirector.Shell.Scheduling;
using Redirector.Shell.Systemd;
using Serilog;

namespace Redirector.Shell.Running;

/// <summary>The daemon: gathers probe results, hosts-file changes and signals, calls the core
/// once per batch, and carries out the effects it returns. Nothing here decides anything.</summary>
sealed class Daemon(string configPath, string? hostsOverride, Configuration config, ILogger log)
{
    static readonly TimeSpan HostsSettle = TimeSpan.FromMilliseconds(30);

    readonly Channel<Observation> observations =
        Channel.CreateUnbounded<Observation>(new() { SingleReader = true });
    readonly Channel<Control> control =
        Channel.CreateUnbounded<Control>(new() { SingleReader = true });
    readonly Option<SystemdNotifier> systemd = SystemdNotifier.FromEnvironment();
    readonly WriteEpisodes episodes = new(log);
    readonly Doorbell bell = new();
    Configuration config = config;
    readonly HostsText hosts = new(config.Main.HostsFile);
    State state = null!;
    ProbeScheduler scheduler = null!;
    Observer observer = null!;

    /// <summary>Runs until SIGTERM or SIGINT, or until <paramref name="end"/> is cancelled (the
    /// demo ends its daemon by itself).</summary>
    public async Task<int> RunAsync(CancellationToken end = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(end);
        using var signals = Signals(stop);
        foreach (var path in config.Main.PidFile)
            if (PidFile.Write(path, Environment.ProcessId) is { } problem)
                log.Warning("{Error}", problem);

        var (text, error) = hosts.Read();
        if (text is null) log.Error("{Error}", error);
        state = Decider.Initial(config, text ?? "", Startup.Seed());
        using var observing = observer = Observer.Start(config.Main, log);
        log.Information("redirector {Version} started: {Count} load balancer(s), hosts file {Path}",
            Cli.Version, config.Lbs.Count, hosts.Path);

        scheduler = new ProbeScheduler(observations) { Published = bell.Ring };
        scheduler.UpdateConfig(config);
        // A first step without waiting for a probe: with no LB at all, every LB has decided,
        // and the daemon is ready (writing nothing) at once.
        if (config.Lbs.IsEmpty) Post(Control.HostsChanged);
        using (new HostsWatch(hosts.Path, () => Post(Control.HostsChanged), log))
            await OnOwnThread(() => Loop(stop.Token), stop.Token);
        foreach (var n in systemd) n.Notify(SystemdNotifier.Stopping);
        await scheduler.StopAsync();
        if (!config.Main.PersistHostsBlock) RemoveBlock();
        foreach (var path in config.Main.PidFile) PidFile.Remove(path, Environment.ProcessId);
        log.Information("redirector stopped");
        return ExitCodes.Ok;
    }

    /// <summary>Runs the loop on a thread of its own (see <see cref="Doorbell"/>); ends when
    /// it returns or <paramref name="stop"/> ends it.</summary>
    static Task OnOwnThread(Action loop, CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                loop();
                done.SetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = "daemon" }.Start();
        return done.Task;
    }

    void Post(Control message)
    {
        control.Writer.TryWrite(message);
        bell.Ring();
    }

    void Loop(CancellationToken stop)
    {
        var batch = new List<Observation>();
        while (true)
        {
            bell.Wait(stop);
            var reload = false;
            var changed = false;
            while (control.Reader.TryRead(out var c))
                (reload, changed) = (reload || c == Control.Reload, changed || c == Control.HostsChanged);
            if (changed && !reload)
            {
                // Let another program finish writing the file before reading it back, even
                // with probe results waiting: a result must not make the daemon read (and
                // then replace) a file that a plain writer has truncated but not yet filled.
                if (stop.WaitHandle.WaitOne(HostsSettle)) stop.ThrowIfCancellationRequested();
                while (control.Reader.TryRead(out var c)) reload |= c == Control.Reload;
            }
            if (reload) Reload();
            batch.Clear();
            while (observations.Reader.TryRead(out var o)) batch.Add(o);
            if (batch.Count > 0) Step(new Input.ProbesObserved(batch.ToSeq().Strict()));
            else if (changed) Step(new Input.HostsTextChanged());
        }
    }

    void Step(Input input)
    {
        if (input is Input.ProbesObserved p)
            foreach (var o in p.Results)
                if (state.Lbs.Find(o.Backend.Lb).Case is LbState lb && o.Backend.Index < lb.Backends.Count)
                    EffectLog.Probe(log, o, lb.HostOf(o.Backend.Index));
        var (text, error) = hosts.Read();
        episodes.Read(error);
        var before = state;
        // Unreadable: health still advances, but nothing is written from a guessed text.
        var (next, effects) = Decider.Step(state, input, text ?? "");
        state = next;
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case Effect.WriteHosts w when text is not null:
                    var outcome = hosts.Write(w.Text);
                    if (outcome is WriteOutcome.Superseded)
                        Post(Control.HostsChanged);
                    else
                        episodes.Wrote(hosts.Path, observer.Wrote(outcome));
                    break;
                case Effect.HostsUnusable u:
                    episodes.Unusable(hosts.Path, u.Error);
                    break;
                case Effect.WriteHosts:
                    break;
                case Effect.ProbeNow now:
                    EffectLog.Write(log, effect);
                    scheduler.ProbeNow(now.Backends);
                    break;
                default:
                    EffectLog.Write(log, effect);
                    break;
            }
        }
        if (effects.Exists(e => e is Effect.HostsUnusable) is false) episodes.Usable();
        observer.Record(input, effects, state);
        if (!before.Started && state.Started)
        {
            log.Information("first decisions made; hosts file {Path} is up to date", hosts.Path);
            foreach (var n in systemd) n.Notify(SystemdNotifier.Ready);
        }
    }

    /// <summary>SIGHUP: a valid config replaces the old one (unchanged LBs keep their probes and
    /// state); an invalid one is reported and the old one keeps running.</summary>
    void Reload()
    {
        foreach (var n in systemd) n.Notify(SystemdNotifier.Reloading);
        var loaded = ConfigLoader.Load(configPath, hostsOverride);
        foreach (var warning in loaded.Warnings) log.Warning("config: {Warning}", warning.ToString());
        loaded.Config.Match(
            Succ: next =>
            {
                if (StartOnlyKeys.Refusal(configPath, config.Main, next.Main) is { } refusal)
                    Refuse([refusal]);
                else Apply(next);
            },
            Fail: errors => Refuse(errors.Map(e => e.ToString())));
        foreach (var n in systemd) n.Notify(SystemdNotifier.Ready);
    }

    void Apply(Configuration next)
    {
        var change = ConfigSwitch.Apply(scheduler, observations.Reader, next, Step);
        config = next;
        observer.Reloaded(true);
        log.Information(
            "config reloaded: {Kept} unchanged, {Restarted} changed, {Started} added, " +
            "{Stopped} removed", change.Kept.Count, change.Restarted.Count,
            change.Started.Count, change.Stopped.Count);
    }

    void Refuse(IEnumerable<string> errors)
    {
        observer.Reloaded(false);
        var count = 0;
        foreach (var e in errors)
        {
            log.Error("config: {Error}", e);
            count++;
        }
        log.Error("config reload refused ({Count} error(s)); the running config stays", count);
    }

    /// <summary>persist_hosts_block: false. Only a block that parses cleanly is removed.</summary>
    void RemoveBlock()
    {
        var (text, error) = hosts.Read();
        if (text is null)
        {
            log.Error("{Error}; block not removed", error);
            return;
        }
        HostsDocument.Parse(text).Match(
            Right: doc =>
            {
                if (doc.Block.IsNone) return;
                var outcome = hosts.Write(doc.Remove());
                if (outcome.Problem is { } problem)
                    log.Error("block not removed: {Reason}", problem);
                else log.Information("managed block removed from {Path}", hosts.Path);
            },
            Left: error => log.Error("block not removed: {Message}", error.Message));
    }

    IDisposable Signals(CancellationTokenSource stop)
    {
        void Stop(PosixSignalContext c)
        {
            c.Cancel = true;
            stop.Cancel();
        }
        var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
        {
            c.Cancel = true;
            Post(Control.Reload);
        });
        return new Registrations(term, interrupt, hangup);
    }

    sealed class Registrations(params IDisposable[] all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in all) r.Dispose();
        }
    }
}
