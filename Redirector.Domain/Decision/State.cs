using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>Everything the core remembers between steps: where the run is, the config and its
/// generation, each LB's state keyed by name (sorted, as the block is), the generator that seeds
/// LBs added later, what it knows of the hosts file, the write-failure episode (its reason),
/// whether the in-place warning was given, and how many stale probe results and watch inputs
/// it ignored (see <see cref="WatchStep"/>).</summary>
public sealed record State(
    Lifecycle Phase,
    Configuration Config,
    int Generation,
    Map<string, LbState> Lbs,
    ulong Rng,
    HostsView Hosts,
    Option<string> WriteFailing,
    bool InPlaceWarned,
    long StaleResults)
{
    /// <summary>Every LB has made its first decision: writes may happen.</summary>
    public bool Started => Phase is Lifecycle.Starting or Lifecycle.Running;

    /// <summary>The block's entries as the state has them, in LB name order.</summary>
    public Seq<HostsEntry> Entries =>
        toSeq(Lbs.Values.Where(l => l.Entry.IsSome).Select(l => (HostsEntry)l.Entry).ToArray());
}
