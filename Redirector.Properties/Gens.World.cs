using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Properties.Decision.World;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Whole-daemon scenarios: several LBs, reloads that add, remove and change them,
/// another program editing the hosts file, unreadable readings and failed writes, late
/// results of stopped schedules, all interleaved with probe results.</summary>
public static partial class Gens
{
    public static Gen<LbShape> WorldShape =>
        from strategy in DecisionStrategy
        from n in Gen.Choose(1, 4)
        from rise in Gen.Choose(1, 2)
        from fall in Gen.Choose(1, 2)
        from remove in Gen.Elements(true, false)
        select new LbShape(strategy, n, rise, fall, remove ? OnAllDown.Remove : OnAllDown.Keep);

    static Gen<Probe> WorldProbe =>
        from slot in Gen.Choose(0, 3)
        from index in Gen.Choose(0, 3)
        from ok in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
        from ms in Gen.Choose(1, 100)
        select new Probe(slot, index, ok, ms);

    static Gen<WorldAct> WorldAct => Gen.Frequency(
        (12, from k in Gen.Choose(1, 4)
            from ps in Gen.ArrayOf(WorldProbe, k)
            select (WorldAct)new WorldAct.Probes(toSeq(ps))),
        // A whole round of one LB, so first decisions that need every backend come.
        (4, from slot in Gen.Choose(0, 3)
            from oks in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))), 4)
            select (WorldAct)new WorldAct.Probes(toSeq(oks.Select((ok, i) => new Probe(slot, i, ok, 10 + i))))),
        (2, from slot in Gen.Choose(0, 3)
            from index in Gen.Choose(0, 3)
            from ok in Gen.Elements(true, false)
            from removed in Gen.Elements(true, false)
            select (WorldAct)new WorldAct.Stale(slot, index, ok, removed)),
        (2, from kind in Gen.Elements(ReloadKind.Add, ReloadKind.Remove, ReloadKind.Change)
            from slot in Gen.Choose(0, 3)
            from shape in WorldShape
            select (WorldAct)new WorldAct.Reload(kind, slot, shape)),
        (2, from kind in Gen.Elements(EditKind.AppendOutside, EditKind.DropBlock, EditKind.ForeignEntry)
            select (WorldAct)new WorldAct.Edit(kind)),
        (1, Gen.Constant((WorldAct)new WorldAct.Unreadable())),
        (2, Gen.Constant((WorldAct)new WorldAct.Readable())),
        (2, from restored in Gen.Elements(true, false)
            select (WorldAct)new WorldAct.FailNextWrite(restored)));

    /// <summary>Texts the daemon must edit, one naming pool LBs in its block (a restart).</summary>
    public static Gen<string> WorldText => Gen.Elements(
        Some.DecisionHostsText,
        "127.0.0.1 localhost\r\n::1 localhost\r\n",
        "\uFEFF127.0.0.1 localhost",
        "",
        "127.0.0.1 localhost\n# BEGIN REDIRECTOR MANAGED BLOCK\n10.0.0.2  alpha.local\n" +
        "10.0.0.1  bravo.local\n10.0.0.9  gone.local\n# END REDIRECTOR MANAGED BLOCK\n# after\n");

    public static Gen<WorldScenario> World =>
        from count in Gen.Choose(1, 3)
        from shapes in Gen.ArrayOf(WorldShape, count)
        from text in WorldText
        from length in Gen.Choose(10, 60)
        from acts in Gen.ArrayOf(WorldAct, length)
        from stop in Gen.Elements(true, false)
        from persist in Gen.Elements(true, false)
        from seed in Gen.Choose(0, int.MaxValue)
        select new WorldScenario(
            toSeq(shapes.Select((s, i) => (WorldScenario.Pool[i], s)).ToArray()), text,
            toSeq(acts), stop, persist, (ulong)seed);
}
