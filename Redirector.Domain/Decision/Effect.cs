using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>What the core asks the shell to do or to report. Events are named in the past tense.</summary>
public abstract record Effect
{
    /// <summary>Replace the hosts file with this text (only emitted when it differs).</summary>
    public sealed record WriteHosts(string Text) : Effect;

    /// <summary>The hosts text cannot be edited safely; nothing is to be written.</summary>
    public sealed record HostsUnusable(HostsError Error) : Effect;

    /// <summary>Probe these backends now rather than at their next turn: a failover waits for
    /// them (the shell skips one whose probe is already in flight).</summary>
    public sealed record ProbeNow(Seq<BackendKey> Backends) : Effect;

    /// <summary>First: the backend's first observation ("is up"), not a change ("came back").
    /// </summary>
    public sealed record BackendWentUp(
        BackendKey Backend, string Host, ProbeResult Result, bool First) : Effect;

    /// <summary>First: the backend's first observation ("is down"), not a change ("went
    /// down"). Several results of one backend can arrive in one step, so only the core knows.
    /// </summary>
    public sealed record BackendWentDown(
        BackendKey Backend, string Host, ProbeResult Result, bool First) : Effect;

    /// <summary>The entry of an LB now names another backend (From is None at first choice).
    /// Reason is the strategy's why ("first healthy in list order"); Kind says what happened.
    /// </summary>
    public sealed record Redirected(
        string Lb, Option<string> From, string To, IpLiteral Address, string Reason,
        RedirectKind Kind) : Effect;

    public sealed record AllBackendsDown(string Lb, bool EntryKept) : Effect;

    /// <summary>The LB's entry left the block (all down with on_all_down: remove, or LB removed).</summary>
    public sealed record EntryRemoved(string Lb, string Reason) : Effect;
}
