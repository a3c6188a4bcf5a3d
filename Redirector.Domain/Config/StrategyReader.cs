using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads <c>strategy</c> and, for <c>latency</c>, its margins
/// <c>latency_margin_ratio</c> and <c>latency_margin_ms</c> (LB-level keys).</summary>
static class StrategyReader
{
    public const string RatioKey = "latency_margin_ratio";
    public const string MsKey = "latency_margin_ms";

    public static ReadResult<Strategy> Read(Section lb)
    {
        var kind = lb.Required("strategy", f => f.OneOf("a strategy",
            ("sequential", StrategyKind.Sequential), ("random", StrategyKind.Random),
            ("priority", StrategyKind.Priority), ("hash", StrategyKind.Hash),
            ("latency", StrategyKind.Latency)));
        var margins = (
                lb.Optional(RatioKey, Strategy.Latency.DefaultMarginRatio, f => f.Number(0)),
                lb.Optional(MsKey, Strategy.Latency.DefaultMarginMs, f => f.Number(0)))
            .Apply((ratio, ms) => (ratio, ms));
        var strategy = (kind, margins).Apply((k, m) => Make(k, m.ratio, m.ms));
        var misplaced = kind.Match(
            Succ: k => k == StrategyKind.Latency ? Empty : MarginWarnings(lb, k),
            Fail: _ => Seq<ConfigError>());
        return new ReadResult<Strategy>(strategy, misplaced);
    }

    static Strategy Make(StrategyKind kind, double ratio, double ms) => kind switch
    {
        StrategyKind.Sequential => new Strategy.Sequential(),
        StrategyKind.Random => new Strategy.Random(),
        StrategyKind.Priority => new Strategy.Priority(),
        StrategyKind.Hash => new Strategy.Hash(),
        StrategyKind.Latency => new Strategy.Latency(ratio, ms),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown strategy"),
    };

    static Seq<ConfigError> MarginWarnings(Section lb, StrategyKind kind) =>
        Seq(RatioKey, MsKey).Bind(key => lb.Get(key).Map(f => f.Error(
            $"is used only by the latency strategy; ignored with " +
            $"{kind.ToString().ToLowerInvariant()}")).ToSeq());
}
