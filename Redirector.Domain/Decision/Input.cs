using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>What the shell tells the core. Every input is stepped together with the hosts
/// text as read just before the step.</summary>
public abstract record Input
{
    /// <summary>Probe results gathered since the last step (often one, a whole round at start).</summary>
    public sealed record ProbesObserved(Seq<Observation> Results) : Input;

    /// <summary>A valid new configuration (SIGHUP). Unchanged LBs keep their state.</summary>
    public sealed record ConfigLoaded(Configuration Config) : Input;

    /// <summary>Nothing new was observed; re-check the hosts text (another program edited it).</summary>
    public sealed record HostsTextChanged : Input;
}
