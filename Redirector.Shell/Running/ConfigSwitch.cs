using System.Threading.Channels;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.Scheduling;

namespace Redirector.Shell.Running;

/// <summary>Replaces the running config on a reload, on the one thread that reads the results,
/// so that every result meets the config it was scheduled under. Results are not stamped with
/// their generation: the order of three steps is enough. (1) Results already queued come from
/// the running schedules: they are stepped against the running state. (2) The scheduler stops
/// the changed and removed LBs' schedules and, under the lock their results are published
/// under, takes out of the channel what they queued since (1); it starts the new schedules,
/// which can publish only after it returns. (3) The core takes the new config before this
/// thread reads the channel again, so the new schedules' first results, queued meanwhile, meet
/// the new state. A kept LB's results are valid in both configs.</summary>
static class ConfigSwitch
{
    /// <param name="scheduler">Built on the whole channel that <paramref name="results"/>
    /// reads, so that it can take stale results out.</param>
    public static ScheduleChange Apply(ProbeScheduler scheduler, ChannelReader<Observation> results,
        Configuration next, Action<Input> step)
    {
        var queued = new List<Observation>();
        while (results.TryRead(out var o)) queued.Add(o);
        if (queued.Count > 0) step(new Input.ProbesObserved(queued.ToSeq().Strict()));
        var change = scheduler.UpdateConfig(next);
        step(new Input.ConfigLoaded(next));
        return change;
    }
}
