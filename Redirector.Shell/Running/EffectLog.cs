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
                log.Information("{Lb}: {From} -> {To} ({Address}): {Reason}",
                    r.Lb, r.From.IfNone("(none)"), r.To, r.Address.Value, r.Reason);
                break;
            case Effect.BackendWentDown d:
                log.Warning("{Lb}: backend {Host} went down: {Reason}",
                    d.Backend.Lb, d.Host, d.Result.Reason);
                break;
            case Effect.BackendWentUp u:
                log.Information("{Lb}: backend {Host} is up ({Ms:0.#} ms)",
                    u.Backend.Lb, u.Host, u.Result.Duration.TotalMilliseconds);
                break;
            case Effect.AllBackendsDown a:
                log.Error("{Lb}: all backends are down; {What}", a.Lb,
                    a.EntryKept ? "the last entry stays (on_all_down: keep)"
                                : "the entry is removed (on_all_down: remove)");
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
