using LanguageExt;

namespace Redirector.Shell.Scheduling;

/// <summary>What <see cref="ProbeScheduler.UpdateConfig"/> did, by LB name: Kept schedules run
/// on undisturbed; Restarted ones changed definition; Started are new; Stopped were removed.</summary>
public sealed record ScheduleChange(
    Seq<string> Kept, Seq<string> Restarted, Seq<string> Started, Seq<string> Stopped);
