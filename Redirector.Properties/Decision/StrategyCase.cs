using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>What a strategy looks at, as plain values: each backend's status and smoothed
/// probe time, the active backend and the generator state. <see cref="ToLbState"/> is the one
/// place the tests build an <see cref="LbState"/> by hand, so a new state shape is adapted
/// here only.</summary>
public sealed record StrategyCase(
    LbConfig Config, Health[] Status, double[] Ms, int? Active, ulong Rng, string Node)
{
    public int Count => Status.Length;

    public bool Up(int i) => Status[i] == Health.Up;

    public LbState ToLbState() =>
        LbState.Fresh(Config, 1, Node, None, Rng) with
        {
            Backends = toArray(Status.Select((s, i) => new BackendHealth(
                s, 0, None, s == Health.Unknown ? None : Optional(Ms[i])))),
            // Strategies read only which backend is active, not the entry's address.
            Phase = Active is { } a
                ? new LbPhase.Serving(a, LbState.EntryFor(Config, AnyAddress))
                : new LbPhase.Deciding(None, false),
        };

    static readonly IpLiteral AnyAddress = (IpLiteral)IpLiteral.TryParse("127.0.0.1");

    public override string ToString() =>
        $"{Config.Strategy} active={Active?.ToString() ?? "none"} rng={Rng} node={Node} [" +
        string.Join(", ", Status.Select((s, i) =>
            $"{s} {Ms[i]}ms p{Config.Backends[i].Priority}")) + "]";
}
