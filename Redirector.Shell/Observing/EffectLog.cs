using Redirector.Domain.Decision;
using Serilog;

namespace Redirector.Shell.Observing;

/// <summary>The daemon's log as a fold over the core's events: each line says what happened
/// once, because the core reports each episode once (its begin, its end).</summary>
sealed class EffectLog(ILogger log, string hostsPath, string configPath)
{
    public void Write(Effect effect)
    {
        switch (effect)
        {
            case Effect.Redirected r:
                log.Information("{Lb}: {Redirect}", r.Lb, RedirectText.Describe(r));
                break;
            case Effect.BackendWentDown d:
                log.Warning("{Lb}: backend {Host} {Verb}: {Reason}", d.Backend.Lb, d.Backend.Host,
                    d.First ? "is down" : "went down", d.Result.Reason);
                break;
            case Effect.BackendWentUp u:
                log.Information("{Lb}: backend {Host} {Verb} ({Ms:0.#} ms)", u.Backend.Lb,
                    u.Backend.Host, u.First ? "is up" : "came back up",
                    u.Result.Duration.TotalMilliseconds);
                break;
            case Effect.AllBackendsDown a:
                log.Error("{Lb}: all backends are down; {What}", a.Lb,
                    a.EntryKept ? "the last entry stays (on_all_down: keep)"
                                : "it has no entry in the block until one recovers");
                break;
            case Effect.ProbeNow p:
                log.Debug("{Lb}: probing {Count} candidate(s) now to fail over",
                    p.Backends.HeadOrNone().Map(k => k.Lb).IfNone(""), p.Backends.Count);
                break;
            case Effect.EntryRemoved e:
                log.Warning("{Lb}: entry removed from the hosts block: {Reason}", e.Lb, e.Reason);
                break;
            default:
                Watch(effect);
                break;
        }
    }

    /// <summary>A dropped watch is worth a line (a probe follows at once, and a failover may);
    /// whether a connection opened or not is not, unless the backend keeps refusing.</summary>
    void Watch(Effect effect)
    {
        switch (effect)
        {
            case Effect.WatchDropped d:
                log.Information("{Lb}: watch connection to {Host} lost ({How}); probing it now",
                    d.Backend.Lb, d.Backend.Host, d.How);
                break;
            case Effect.NotWatchable n:
                log.Warning("{Lb}: backend {Host} is not watched for {For}: {Reason}; its probes " +
                            "alone decide meanwhile", n.Backend.Lb, n.Backend.Host,
                    WatchText.Span(n.Until - n.At), n.Reason);
                break;
            case Effect.WatchConnected c:
                log.Debug("{Lb}: watch connection to {Host} open", c.Backend.Lb, c.Backend.Host);
                break;
            case Effect.WatchNotConnected n:
                log.Debug("{Lb}: watch connection to {Host} not opened ({Reason}); tried again " +
                          "later", n.Backend.Lb, n.Backend.Host, n.Reason);
                break;
            default:
                Hosts(effect);
                break;
        }
    }

    void Hosts(Effect effect)
    {
        switch (effect)
        {
            case Effect.HostsUnusable u:
                log.Error("{Path}: {Message}; nothing is written until it is fixed", hostsPath,
                    u.Error.Message);
                break;
            case Effect.HostsUsableAgain:
                log.Information("managed block readable again");
                break;
            case Effect.HostsUnreadable u:
                log.Error("{Error}; retrying", u.Reason);
                break;
            case Effect.HostsReadableAgain:
                log.Information("hosts file readable again");
                break;
            case Effect.WriteFailed f:
                log.Error("{Reason}; retrying", f.Reason);
                break;
            case Effect.WriteRecovered:
                log.Information("{Path} written again after failures", hostsPath);
                break;
            case Effect.HostsWritten w:
                foreach (var why in w.FirstInPlaceWhy)
                    log.Warning("{Path} written in place, not atomically: {Why}", hostsPath, why);
                log.Debug("{Path} written", hostsPath);
                break;
            default:
                Run(effect);
                break;
        }
    }

    void Run(Effect effect)
    {
        switch (effect)
        {
            case Effect.Ready:
                log.Information("first decisions made; hosts file {Path} is up to date", hostsPath);
                break;
            case Effect.ConfigApplied c:
                log.Information(
                    "config reloaded: {Kept} unchanged, {Restarted} changed, {Started} added, " +
                    "{Stopped} removed", c.Kept.Count, c.Restarted.Count, c.Started.Count,
                    c.Removed.Count);
                break;
            case Effect.ReloadRefused r:
                Refused(r.Reasons.Map(why => $"{configPath}: {why}"));
                break;
            case Effect.BlockRemoved:
                log.Information("managed block removed from {Path}", hostsPath);
                break;
            case Effect.BlockNotRemoved { Unreadable: true } n:
                log.Error("{Error}; block not removed", n.Reason);
                break;
            case Effect.BlockNotRemoved n:
                log.Error("block not removed: {Reason}", n.Reason);
                break;
            case Effect.WriteHosts or Effect.StartProbing or Effect.StopProbing
                or Effect.ReadHosts or Effect.Stopped or Effect.ProbeAt or Effect.OpenWatch:
                break;
            default:
                log.Warning("unhandled effect {Effect}", effect);
                break;
        }
    }

    /// <summary>A reload the running config survives: every reason, then the summary.</summary>
    public void Refused(IEnumerable<string> errors)
    {
        var count = 0;
        foreach (var e in errors)
        {
            log.Error("config: {Error}", e);
            count++;
        }
        log.Error("config reload refused ({Count} error(s)); the running config stays", count);
    }

    /// <summary>Failed probes at DEBUG: a change of health is logged by its event.</summary>
    public void Probed(Input.ProbesObserved probes)
    {
        foreach (var o in probes.Results)
            if (!o.Result.Ok)
                log.Debug("{Lb}: probe of {Host} failed: {Reason}", o.Backend.Lb, o.Backend.Host,
                    o.Result.Reason);
    }
}
