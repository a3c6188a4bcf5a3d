using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Redirector.Properties.Decision.World;

/// <summary>Guards the world properties against passing vacuously, and reports how many
/// generated runs reach each kind of scenario (a sample of the size of one property's run).
/// </summary>
public class WorldCoverage(ITestOutputHelper output)
{
    [Fact]
    public void Runs_reach_several_lbs_reloads_edits_unreadable_files_failed_writes_and_stale_results()
    {
        var scenarios = Gens.World.Sample(200, 200);
        var runs = scenarios.Select(sc => (sc, run: WorldRun.Play(sc))).ToArray();
        int Count(Func<WorldScenario, WorldRun, bool> seen) => runs.Count(r => seen(r.sc, r.run));
        var counts = new (string Kind, int Count)[]
        {
            ("several LBs", Count((_, r) => r.MaxLbs >= 2)),
            ("reload: add", Count((s, _) => Has(s, ReloadKind.Add))),
            ("reload: remove", Count((s, _) => Has(s, ReloadKind.Remove))),
            ("reload: change", Count((s, _) => Has(s, ReloadKind.Change))),
            ("hosts edited by another program",
                Count((s, _) => s.Acts.Exists(a => a is WorldAct.Edit))),
            ("unreadable read", Count((s, _) => s.Acts.Exists(a => a is WorldAct.Unreadable))),
            ("failed write", Count((_, r) => r.FailedWrites > 0)),
            ("stale result", Count((_, r) => r.StaleSteps > 0)),
            ("redirect", Count((_, r) => r.Redirects > 0)),
            ("stop", Count((s, _) => s.Stop)),
        };
        foreach (var (kind, count) in counts) output.WriteLine($"{kind}: {count} of {runs.Length}");
        Assert.All(counts, c => Assert.True(c.Count >= 20, $"{c.Kind}: only {c.Count}"));
    }

    static bool Has(WorldScenario s, ReloadKind kind) =>
        s.Acts.Exists(a => a is WorldAct.Reload r && r.Kind == kind);
}
