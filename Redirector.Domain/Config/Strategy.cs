namespace Redirector.Domain.Config;

public enum StrategyKind { Sequential, Random, Priority, Hash, Latency }

/// <summary>How an LB chooses among healthy backends. Latency carries its anti-flap margins:
/// a healthy active backend is left only for one faster by both margins.</summary>
public abstract record Strategy(StrategyKind Kind)
{
    public sealed record Sequential() : Strategy(StrategyKind.Sequential);
    public sealed record Random() : Strategy(StrategyKind.Random);
    public sealed record Priority() : Strategy(StrategyKind.Priority);
    public sealed record Hash() : Strategy(StrategyKind.Hash);
    public sealed record Latency(double MarginRatio, double MarginMs) : Strategy(StrategyKind.Latency)
    {
        public const double DefaultMarginRatio = 0.2;
        public const double DefaultMarginMs = 5;
    }
}
