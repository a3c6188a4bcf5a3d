using Redirector.Domain.Decision;
using Serilog;

namespace Redirector.Shell.Running;

/// <summary>Turns the core's events into log lines: redirects at INFO with from, to and why.</summary>
static class EffectLog
{
    public static void Write(ILogger log, Effect effect)
    {
        switch (effect)
        {
            case Effect.Redirected r:
                log.Information("{Lb}: {Redirect}", r.Lb, RedirectText.Describe(r));
                break;
            case Effect.BackendWentDown d:
                log.Warning("{Lb}: backend {Host} {Verb}: {Reason}", d.Backend.Lb, d.Host,
                    d.First ? "is down" : "went down", d.Result.Reason);
                break;
            case Effect.BackendWentUp u:
                log.Information("{Lb}: backend {Host} {Verb} ({Ms:0.#} ms)", u.Backend.Lb, u.Host,
                    u.First ? "is up" : "came back up", u.Result.Duration.TotalMilliseconds);
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
            case Effect.HostsUnusable h:
                log.Error("hosts file not changed: {Message}", h.Error.Message);
                break;
            case Effect.WriteHosts:
                break;
            default:
                log.Warning("unhandled effect {Effect}", effect);
                break;
        }
    }

    public static void Probe(ILogger log, Observation o, string host)
    {
        if (!o.Result.Ok)
            log.Debug("{Lb}: probe of {Host} failed: {Reason}", o.Backend.Lb, host, o.Result.Reason);
    }
}
