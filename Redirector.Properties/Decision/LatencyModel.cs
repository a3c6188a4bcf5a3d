using Redirector.Domain.Config;

namespace Redirector.Properties.Decision;

/// <summary>The latency rule in the README's words, with its documented defaults: a faster
/// backend must win by 20 % ("latency_margin_ratio: 0.2") and by 5 ms ("latency_margin_ms: 5")
/// before the entry moves. Written here so the properties do not check the strategy with its
/// own arithmetic.</summary>
public static class LatencyModel
{
    const double Ratio = 0.2;
    const double Ms = 5;

    public static bool WinsBothMargins(double candidateMs, double activeMs) =>
        StrategyModel.FasterByBothMargins(candidateMs, activeMs, new Strategy.Latency(Ratio, Ms));
}
