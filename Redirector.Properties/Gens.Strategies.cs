using FsCheck;
using FsCheck.Fluent;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Properties.Decision;

namespace Redirector.Properties;

/// <summary>Strategy inputs drawn from small value sets, so ties in priority, weight and
/// probe time and exact margin boundaries come up often.</summary>
public static partial class Gens
{
    /// <summary>Margins that are exact in binary, so a boundary case is exactly on it.</summary>
    public static Gen<Strategy.Latency> LatencyMargins =>
        from ratio in Gen.Elements(0.0, 0.25, 0.5, Strategy.Latency.DefaultMarginRatio)
        from ms in Gen.Elements(0.0, 1.0, 2.0, Strategy.Latency.DefaultMarginMs)
        select new Strategy.Latency(ratio, ms);

    public static Gen<StrategyCase> StrategyCase(Gen<Strategy> strategies) =>
        from strategy in strategies
        from n in Gen.Choose(1, 5)
        from status in Gen.ArrayOf(
            Gen.Frequency((3, Gen.Constant(Health.Up)), (2, Gen.Constant(Health.Down)),
                (1, Gen.Constant(Health.Unknown))), n)
        from ms in Gen.ArrayOf(Gen.Choose(1, 16).Select(v => v * 0.5), n)
        from priorities in Gen.ArrayOf(Gen.Choose(0, 2), n)
        from active in Gen.Frequency((1, Gen.Constant<int?>(null)),
            (3, Gen.Choose(0, n - 1).Select(i => (int?)i)))
        from rng in ArbMap.Default.GeneratorFor<ulong>()
        from node in Gen.Elements("node-a", "node-b", "web-7.par1", "")
        select new StrategyCase(
            Some.DecisionLb("lb", strategy, n, priorities: priorities), status, ms, active, rng,
            node);

    public static Gen<StrategyCase> StrategyCase(params Strategy[] strategies) =>
        StrategyCase(Gen.Elements(strategies));
}
