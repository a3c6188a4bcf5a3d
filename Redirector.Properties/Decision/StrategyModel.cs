using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>The strategies' rules written again from their documentation, as oracles: what each
/// one answers for a <see cref="StrategyCase"/>, or null for no choice.</summary>
public static class StrategyModel
{
    static IEnumerable<int> Indexes(StrategyCase c) => Enumerable.Range(0, c.Count);

    static bool MayBeUp(StrategyCase c, int i) => c.Status[i] != Health.Down;

    static bool ActiveUp(StrategyCase c) => c.Active is { } a && c.Up(a);

    /// <summary>Keep a healthy active backend; else the first healthy one in list order,
    /// starting after the active one and wrapping.</summary>
    public static Choice? SequentialPick(StrategyCase c)
    {
        if (ActiveUp(c)) return new((int)c.Active!, "still healthy", c.Rng);
        var order = c.Active is { } a
            ? Indexes(c).Skip(a + 1).Concat(Indexes(c).Take(a + 1))
            : Indexes(c);
        var next = order.Where(c.Up).Cast<int?>().FirstOrDefault();
        var reason = c.Active is null
            ? "first healthy in list order"
            : "next healthy in list order";
        return next is { } i ? new(i, reason, c.Rng) : null;
    }

    /// <summary>The first backend that may be up, if it is known to be up.</summary>
    public static Choice? SequentialEarly(StrategyCase c) =>
        Indexes(c).Where(i => MayBeUp(c, i)).Cast<int?>().FirstOrDefault() is { } i && c.Up(i)
            ? new(i, "first healthy in list order", c.Rng)
            : null;

    /// <summary>Keep a healthy active backend; else draw one of the healthy ones.</summary>
    public static Choice? RandomPick(StrategyCase c)
    {
        if (ActiveUp(c)) return new((int)c.Active!, "still healthy", c.Rng);
        var healthy = Indexes(c).Where(c.Up).ToArray();
        if (healthy.Length == 0) return null;
        var (value, rng) = SplitMixModel.Next(c.Rng);
        return new(healthy[SplitMixModel.Below(value, healthy.Length)],
            $"random choice among {healthy.Length} healthy backends", rng);
    }

    static int? LowestPriority(StrategyCase c, Func<int, bool> allowed) =>
        Indexes(c).Where(allowed).OrderBy(i => c.Config.Backends[i].Priority).ThenBy(i => i)
            .Cast<int?>().FirstOrDefault();

    static Choice PriorityChoice(StrategyCase c, int i) =>
        new(i, $"best priority ({c.Config.Backends[i].Priority}) among healthy backends", c.Rng);

    public static Choice? PriorityPick(StrategyCase c) =>
        LowestPriority(c, c.Up) is { } i ? PriorityChoice(c, i) : null;

    public static Choice? PriorityEarly(StrategyCase c) =>
        LowestPriority(c, i => MayBeUp(c, i)) is { } i && c.Up(i) ? PriorityChoice(c, i) : null;

    /// <summary>XxHash64 (seed 0) of "node NUL backend", straight from System.IO.Hashing.</summary>
    public static ulong Weight(string node, string backend) =>
        XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{node}\u0000{backend}"));

    static int? HighestWeight(StrategyCase c, Func<int, bool> allowed) =>
        Indexes(c).Where(allowed)
            .OrderByDescending(i => Weight(c.Node, c.Config.Backends[i].Host)).ThenBy(i => i)
            .Cast<int?>().FirstOrDefault();

    const string HashReason = "rendezvous hash winner for this node among healthy backends";

    public static Choice? HashPick(StrategyCase c) =>
        HighestWeight(c, c.Up) is { } i ? new(i, HashReason, c.Rng) : null;

    public static Choice? HashEarly(StrategyCase c) =>
        HighestWeight(c, i => MayBeUp(c, i)) is { } i && c.Up(i)
            ? new(i, HashReason, c.Rng)
            : null;

    /// <summary>Faster by the ratio (below (1 - ratio) of the active time) and by more than
    /// the absolute margin.</summary>
    public static bool FasterByBothMargins(double candidate, double active, Strategy.Latency m) =>
        candidate < active * (1 - m.MarginRatio) && active - candidate > m.MarginMs;

    /// <summary>The fastest healthy backend (list order breaks ties); a healthy active one is
    /// kept unless the fastest beats it by both margins.</summary>
    public static Choice? LatencyPick(StrategyCase c, Strategy.Latency m)
    {
        var fastest = Indexes(c).Where(c.Up).OrderBy(i => c.Ms[i]).ThenBy(i => i)
            .Cast<int?>().FirstOrDefault();
        if (fastest is not { } best) return null;
        if (c.Active is { } a && c.Up(a) && a != best
            && !FasterByBothMargins(c.Ms[best], c.Ms[a], m))
            return new(a, "still healthy and not slower by the margins", c.Rng);
        return new(best, "fastest healthy backend (" +
            c.Ms[best].ToString("0.#", CultureInfo.InvariantCulture) + " ms smoothed)", c.Rng);
    }
}
