using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>What the core remembers about one LB. Active is the backend last chosen (kept while
/// all are down, so sequential can go on from it); Entry is what the block says for this LB;
/// Remembered is the address read back from the block at start, until the first decision.
/// Confirming is set while a failover waits for fresh results of the candidates.</summary>
public sealed record LbState(
    LbConfig Config,
    Arr<BackendHealth> Backends,
    Arr<ulong> Weights,
    Option<int> Active,
    bool Decided,
    bool AllDown,
    Option<HostsEntry> Entry,
    Option<IpLiteral> Remembered,
    ulong Rng)
{
    public Option<Arr<Confirmation>> Confirming { get; init; }

    /// <summary>Started afresh by a reload that changed its definition, until its first
    /// decision: that decision is news only when it changes the entry.</summary>
    public bool Reloaded { get; init; }

    public static LbState Fresh(
        LbConfig config, string node, Option<IpLiteral> remembered, ulong seed) =>
        new(config,
            toArray(config.Backends.Map(_ => BackendHealth.Unknown)),
            WeightsFor(config, node),
            None, false, false,
            remembered.Map(a => EntryFor(config, a)),
            remembered, seed);

    public static Arr<ulong> WeightsFor(LbConfig config, string node) =>
        config.Strategy is Strategy.Hash
            ? toArray(config.Backends.Map(b => Rendezvous.Weight(node, b.Host)))
            : Arr<ulong>.Empty;

    public static HostsEntry EntryFor(LbConfig config, IpLiteral address) =>
        new(address, config.LocalHost, config.Aliases);

    public string Name => Config.Name;

    public string HostOf(int index) => Config.Backends[index].Host;

    public bool IsUp(int index) => Backends[index].IsUp;

    /// <summary>Up, or not yet probed: what an early decision may still count on.</summary>
    public bool MayBeUp(int index) => Backends[index].Status != Health.Down;

    public bool AllKnown => Backends.ForAll(b => b.Status != Health.Unknown);
}
