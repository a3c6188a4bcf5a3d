using LanguageExt;

namespace Redirector.Shell.Scheduling;

/// <summary>What <see cref="ProbeScheduler.UpdateConfig"/> did, by LB name: Kept schedules run
/// on undisturbed; Restarted ones changed definition; Started are new; Stopped were removed.
/// Discarded counts unread results of the old definitions taken out of the channel.</summary>
public sealed record ScheduleChange(
    Seq<string> Kept, Seq<string> Restarted, Seq<string> Started, Seq<string> Stopped,
    int Discarded);
