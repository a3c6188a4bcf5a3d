using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Redirector.Properties.Decision.World;

/// <summary>The rules of the whole step over generated runs of the daemon (several LBs,
/// reloads, edits by another program, unreadable readings, failed writes, late results of
/// stopped schedules), each checked against the reference models of <see cref="WorldRun"/>.
/// </summary>
public class WorldProperties
{
    static Property Never(string rule) =>
        Prop.ForAll(Gens.World.ToArbitrary(), sc =>
            {
                var run = WorldRun.Play(sc);
                return Classified(!run.Violations.Contains(rule), sc, run)
                    .Label(string.Join("\n", run.Notes));
            });

    static Property Classified(bool ok, WorldScenario sc, WorldRun run) =>
        ok.ToProperty()
            .Classify(run.MaxLbs >= 2, "several LBs")
            .Classify(sc.Acts.Exists(a => a is WorldAct.Reload), "reload")
            .Classify(sc.Acts.Exists(a => a is WorldAct.Edit), "hosts edited by another program")
            .Classify(sc.Acts.Exists(a => a is WorldAct.Unreadable), "unreadable read")
            .Classify(run.FailedWrites > 0, "failed write")
            .Classify(run.StaleSteps > 0, "stale result");

    [Property(MaxTest = 200)]
    public Property A_write_happens_only_when_the_text_changes() => Never(WorldRun.WriteUnchanged);

    [Property(MaxTest = 200)]
    public Property Nothing_is_written_before_every_lb_could_decide() =>
        Never(WorldRun.WriteBeforeDecided);

    [Property(MaxTest = 200)]
    public Property A_failed_write_is_never_reported_as_done() =>
        Never(WorldRun.FailureReportedDone);

    [Property(MaxTest = 200)]
    public Property After_each_step_the_file_holds_the_entries_so_a_failed_write_is_retried() =>
        Never(WorldRun.NotRetried);

    [Property(MaxTest = 200)]
    public Property Entries_name_only_healthy_backends_when_any_is_healthy() =>
        Never(WorldRun.UnhealthyEntry);

    [Property(MaxTest = 200)]
    public Property Results_of_a_stopped_schedule_never_change_an_lb() =>
        Never(WorldRun.StaleChanged);

    [Property(MaxTest = 200)]
    public Property Bytes_outside_the_block_survive_any_sequence() =>
        Never(WorldRun.OutsideChanged);

    [Property(MaxTest = 200)]
    public Property Nothing_is_written_while_the_file_cannot_be_read() =>
        Never(WorldRun.WriteWhileUnreadable);

    [Property(MaxTest = 200)]
    public Property A_stop_ends_with_the_block_kept_or_removed_as_configured() =>
        Never(WorldRun.StopUnclean);
}
