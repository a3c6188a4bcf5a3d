using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Generators for the decision core: LBs of 1 to 5 backends with every strategy,
/// rise/fall 1 to 3, either all-down policy, and scripts of probe results.</summary>
public static partial class Gens
{
    public static readonly Strategy[] AllStrategies =
    {
        new Strategy.Sequential(), new Strategy.Random(), new Strategy.Priority(),
        new Strategy.Hash(), Some.DefaultLatency,
    };

    public static Gen<Strategy> DecisionStrategy => Gen.Elements(AllStrategies);

    public static Gen<LbConfig> DecisionLb(
        Gen<Strategy> strategies, int minRiseFall = 1, int minBackends = 1) =>
        from strategy in strategies
        from n in Gen.Choose(minBackends, 5)
        from rise in Gen.Choose(minRiseFall, 3)
        from fall in Gen.Choose(minRiseFall, 3)
        from remove in Gen.Elements(true, false)
        from priorities in Gen.ArrayOf(Gen.Choose(0, 2), n)
        select Some.DecisionLb("lb", strategy, n, rise, fall,
            remove ? OnAllDown.Remove : OnAllDown.Keep, priorities);

    /// <summary>Mostly successes, so LBs spend time both healthy and all down.</summary>
    public static Gen<Observation> DecisionProbe(int backends) =>
        from i in Gen.Choose(0, backends - 1)
        from ok in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
        from ms in Gen.Choose(1, 100)
        select Some.Probe("lb", i, ok, ms);

    public static Gen<Observation[]> DecisionFirstRound(int backends) =>
        Gen.CollectToArray(Enumerable.Range(0, backends), i =>
            from ok in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from ms in Gen.Choose(1, 100)
            select Some.Probe("lb", i, ok, ms));

    public static Gen<Decision.DecisionScenario> DecisionScenario(Gen<LbConfig> lbs) =>
        from lb in lbs
        from first in DecisionFirstRound(lb.Backends.Count)
        from length in Gen.Choose(5, 60)
        from batches in Gen.ArrayOf(
            from k in Gen.Choose(1, 3)
            from batch in Gen.ArrayOf(DecisionProbe(lb.Backends.Count), k)
            select batch, length)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Decision.DecisionScenario(lb, first.Cons(toSeq(batches)), (ulong)seed);

    public static Gen<Decision.DecisionScenario> DecisionScenario(params Strategy[] strategies) =>
        DecisionScenario(DecisionLb(Gen.Elements(strategies.Length > 0 ? strategies : AllStrategies)));

    /// <summary>Host-name-like node names for the hash strategy's fleet properties.</summary>
    public static Gen<string> HashNodeName =>
        from prefix in Gen.Elements("web", "db", "worker", "node", "ci-runner")
        from n in Gen.Choose(0, 999_999)
        from dc in Gen.Elements("par1", "fra2", "ams3")
        select $"{prefix}-{n}.{dc}.example";

    /// <summary>Hosts texts the core must edit: CRLF, no final newline, a BOM, a stale block.</summary>
    public static Gen<string> DecisionHostsText => Gen.Elements(
        Some.DecisionHostsText,
        "127.0.0.1 localhost\r\n::1 localhost\r\n",
        "\uFEFF127.0.0.1 localhost",
        "",
        "127.0.0.1 localhost\n# BEGIN REDIRECTOR MANAGED BLOCK\n10.0.0.9  old.local\n" +
        "10.0.0.2  lb.local\n# END REDIRECTOR MANAGED BLOCK\n# after the block\n");
}
