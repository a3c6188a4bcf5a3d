using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Redirector.Properties.Decision.Watching;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Watch scenarios: probe results interleaved with the shell's answers to OpenWatch
/// (opened, lost after a short or a long life, not opened), stray watch inputs and reloads,
/// with gaps from milliseconds to past the ten-minute pause.</summary>
public static partial class Gens
{
    public static Gen<WatchShape> WatchingShape =>
        from strategy in DecisionStrategy
        from n in Gen.Choose(1, 3)
        from rise in Gen.Choose(1, 3)
        from fall in Gen.Choose(1, 3)
        from watch in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from period in Gen.Elements(500, 1000, 2000)
        from fast in Gen.Frequency((2, Gen.Constant(Option<int>.None)),
            (1, Gen.Choose(1, period).Select(ms => Prelude.Some(ms))))
        select new WatchShape(strategy, n, rise, fall, watch, period, fast);

    static Gen<int> WatchGap => Gen.Frequency(
        (6, Gen.Choose(0, 300)),
        (4, Gen.Choose(300, 2500)),
        (2, Gen.Choose(25_000, 35_000)),
        (1, Gen.Choose(590_000, 610_000)));

    static Gen<WatchAct> WatchingAct => Gen.Frequency(
        (8, from gap in WatchGap
            from k in Gen.Choose(1, 4)
            from rs in Gen.ArrayOf(
                from slot in Gen.Choose(0, 1)
                from index in Gen.Choose(0, 2)
                from ok in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
                select (slot, index, ok), k)
            select (WatchAct)new WatchAct.Probes(gap, toSeq(rs))),
        (8, from gap in WatchGap
            from kind in Gen.Elements(AnswerKind.Opened, AnswerKind.Lost, AnswerKind.Failed)
            from pick in Gen.Choose(0, 5)
            select (WatchAct)new WatchAct.Answer(gap, kind, pick)),
        (2, from gap in WatchGap
            from kind in Gen.Elements(Enum.GetValues<StrayKind>())
            from slot in Gen.Choose(0, 1)
            from index in Gen.Choose(0, 2)
            select (WatchAct)new WatchAct.Stray(gap, kind, slot, index)),
        (1, from gap in WatchGap
            from same in Gen.Elements(true, false)
            from slot in Gen.Choose(0, 1)
            from shape in WatchingShape
            select (WatchAct)new WatchAct.Reload(gap, same, slot, shape)));

    public static Gen<WatchScenario> Watching =>
        from count in Gen.Choose(1, 2)
        from shapes in Gen.ArrayOf(WatchingShape, count)
        from length in Gen.Choose(10, 80)
        from acts in Gen.ArrayOf(WatchingAct, length)
        from seed in Gen.Choose(0, int.MaxValue)
        select new WatchScenario(toSeq(shapes), toSeq(acts), (ulong)seed);
}
