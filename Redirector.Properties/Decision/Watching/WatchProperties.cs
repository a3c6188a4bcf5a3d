using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Redirector.Properties.Decision.Watching;

/// <summary>The watch rules and fast re-probes over generated runs (probe results, the shell's
/// answers to OpenWatch, stray watch inputs, reloads, gaps up to past the ten-minute pause),
/// each checked against <see cref="WatchModel"/> or against the effects alone.</summary>
public class WatchProperties(ITestOutputHelper output)
{
    static Property Never(string rule) =>
        Prop.ForAll(Gens.Watching.ToArbitrary(), sc =>
        {
            var run = WatchRun.Play(sc);
            return (!run.Violations.Contains(rule)).ToProperty()
                .Classify(run.Seen.ContainsKey("not watchable"), "not watchable")
                .Classify(run.Seen.ContainsKey("WatchLost"), "watch lost")
                .Classify(run.Seen.ContainsKey("fast re-probe"), "fast re-probe")
                .Label(string.Join("\n", run.Notes));
        });

    [Property(MaxTest = 200)]
    public Property The_watches_opened_are_the_models() => Never(WatchRun.OpensDiffer);

    [Property(MaxTest = 200)]
    public Property A_backend_gets_at_most_one_watch_per_period() =>
        Never(WatchRun.OpenedTwiceInPeriod);

    [Property(MaxTest = 200)]
    public Property A_watch_opens_only_after_an_up_result_in_an_lb_with_watch_on() =>
        Never(WatchRun.OpenedWithoutUp);

    [Property(MaxTest = 200)]
    public Property No_watch_opens_while_the_backend_is_not_watchable() =>
        Never(WatchRun.OpenedWhilePaused);

    [Property(MaxTest = 200)]
    public Property Fast_re_probes_are_asked_exactly_for_changing_backends_a_fast_interval_on() =>
        Never(WatchRun.ReprobesDiffer);

    [Property(MaxTest = 200)]
    public Property A_watch_input_never_changes_health_entries_or_hosts() =>
        Never(WatchRun.WatchChangedHealth);

    [Property(MaxTest = 200)]
    public Property A_stray_watch_input_changes_nothing_but_the_count() =>
        Never(WatchRun.StrayChanged);

    [Property(MaxTest = 200)]
    public Property Watch_inputs_report_what_the_model_says() =>
        Never(WatchRun.WatchEffectsDiffer);

    [Property(MaxTest = 200)]
    public Property A_lost_watch_asks_for_its_backend_and_for_the_active_one_every_up_backend() =>
        Never(WatchRun.LostAskedWrong);

    [Fact]
    public void Runs_reach_every_kind_of_watch_event()
    {
        var runs = Gens.Watching.Sample(200, 200).Select(WatchRun.Play).ToArray();
        var kinds = new[]
        {
            "open", "WatchOpened", "WatchLost", "WatchFailed", "not watchable",
            "reopened after a pause", "active lost, candidates asked", "fast re-probe", "stray",
            "reload",
        };
        foreach (var kind in kinds)
            output.WriteLine($"{kind}: {runs.Count(r => r.Seen.ContainsKey(kind))} of {runs.Length}");
        Assert.All(kinds, k => Assert.True(runs.Count(r => r.Seen.ContainsKey(k)) >= 20,
            $"{k}: only {runs.Count(r => r.Seen.ContainsKey(k))}"));
    }
}
