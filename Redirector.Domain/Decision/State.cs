using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>Everything the core remembers between steps: the config, each LB's state keyed by
/// name (sorted, as the block is), the generator that seeds LBs added later, whether the first
/// write has happened, and the last hosts document known to agree with the entries
/// (None until the first write), or the unusable text last reported.</summary>
public sealed record State(
    Configuration Config,
    Map<string, LbState> Lbs,
    ulong Rng,
    bool Started,
    Option<HostsDocument> Checked,
    Option<string> Unusable)
{
    /// <summary>The block's entries as the state has them, in LB name order.</summary>
    public Seq<HostsEntry> Entries =>
        toSeq(Lbs.Values.Where(l => l.Entry.IsSome).Select(l => (HostsEntry)l.Entry).ToArray());
}
