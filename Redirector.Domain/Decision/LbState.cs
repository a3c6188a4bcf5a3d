using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>What the core remembers about one LB: its definition, the generation of the probe
/// schedule whose results it takes, each backend's health and watch connection (in list order:
/// the config of one generation is fixed), hash weights, the random generator and its phase.
/// </summary>
public sealed record LbState(
    LbConfig Config,
    int Generation,
    Arr<BackendHealth> Backends,
    Arr<Watch> Watches,
    Arr<ulong> Weights,
    ulong Rng,
    LbPhase Phase)
{
    public static LbState Fresh(LbConfig config, int generation, string node,
        Option<IpLiteral> remembered, ulong seed, bool reloaded = false) =>
        new(config, generation,
            toArray(config.Backends.Map(_ => BackendHealth.Unknown)),
            toArray(config.Backends.Map(_ => Watch.Closed)),
            WeightsFor(config, node), seed,
            new LbPhase.Deciding(remembered, reloaded));

    public static Arr<ulong> WeightsFor(LbConfig config, string node) =>
        config.Strategy is Strategy.Hash
            ? toArray(config.Backends.Map(b => Rendezvous.Weight(node, b.Host)))
            : Arr<ulong>.Empty;

    public static HostsEntry EntryFor(LbConfig config, IpLiteral address) =>
        new(address, config.LocalHost, config.Aliases);

    public string Name => Config.Name;

    public bool Decided => Phase is not LbPhase.Deciding;

    public bool AllDown => Phase is LbPhase.AllDown;

    /// <summary>The backend last chosen (kept while all are down).</summary>
    public Option<int> Active => Phase switch
    {
        LbPhase.Serving s => Some(s.Active),
        LbPhase.Confirming c => Some(c.Active),
        LbPhase.AllDown d => d.LastActive,
        _ => None,
    };

    /// <summary>What the block says for this LB.</summary>
    public Option<HostsEntry> Entry => Phase switch
    {
        LbPhase.Deciding d => d.Remembered.Map(a => EntryFor(Config, a)),
        LbPhase.Serving s => Some(s.Entry),
        LbPhase.Confirming c => Some(c.Entry),
        LbPhase.AllDown d => d.Entry,
        _ => None,
    };

    public BackendKey KeyOf(int index) =>
        new(Name, Config.Backends[index].Host, Config.HealthCheck.Port);

    /// <summary>Whether backend <paramref name="index"/> is the one <paramref name="key"/>
    /// names; compared field by field, since a step asks it of every result.</summary>
    public bool Is(int index, BackendKey key) =>
        key.Port == Config.HealthCheck.Port
        && string.Equals(key.Host, Config.Backends[index].Host, StringComparison.Ordinal)
        && string.Equals(key.Lb, Name, StringComparison.Ordinal);

    public string HostOf(int index) => Config.Backends[index].Host;

    public bool IsUp(int index) => Backends[index].IsUp;

    /// <summary>Up, or not yet probed: what an early decision may still count on.</summary>
    public bool MayBeUp(int index) => Backends[index].Status != Health.Down;

    public bool AllKnown => Backends.ForAll(b => b.Status != Health.Unknown);
}
