using System.Diagnostics;
using System.Threading.Channels;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Serilog;

namespace Redirector.Shell.Probing;

/// <summary>One backend's loop: sleep until its slot of the LB's grid (or a ProbeNow), probe,
/// publish under the schedule's generation, again until the schedule is cancelled.</summary>
public sealed partial class ProbeScheduler
{
    async Task RunBackendAsync(LbSchedule schedule, int index, string host)
    {
        var check = schedule.Config.HealthCheck;
        var key = schedule.Keys[index];
        var phase = check.Period * schedule.Phase;
        var due = schedule.Start;
        var ct = schedule.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await schedule.Wakes[index].SleepUntilAsync(due, ct))
                    (due, phase) = (Stopwatch.GetTimestamp(), TimeSpan.Zero);
                var result = await ProbeWithSlotAsync(check, host, ct);
                if (!await PublishAsync(schedule, new Observation(key, schedule.Generation, result)))
                    return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (ChannelClosedException)
            {
                return;
            }
            catch (Exception e)
            {
                // Probe.RunAsync never throws; this guards the loop itself, which must not die.
                Log.Error(e, "Probe loop of {Lb} backend {Host} failed; it goes on",
                    key.Lb, host);
            }
            due = NextDue(due, check.Period, ref phase);
        }
    }

    /// <summary>The next slot of the grid. After the immediate first probe the LB's phase
    /// (under one period) places the grid, so a backend that dies just after the first write
    /// is still noticed within a period. A slot missed while the probe ran (a timeout, or the
    /// start-up burst of thousands of first probes) is skipped, not taken late: taking it
    /// "now" would pile every overrun backend onto the same instant, period after period.
    /// </summary>
    static long NextDue(long due, TimeSpan period, ref TimeSpan phase)
    {
        var step = phase > TimeSpan.Zero ? phase : period;
        phase = TimeSpan.Zero;
        var next = due + (long)(step.TotalSeconds * Stopwatch.Frequency);
        var now = Stopwatch.GetTimestamp();
        if (next >= now) return next;
        var ticks = (long)(period.TotalSeconds * Stopwatch.Frequency);
        return next + ((now - next) / ticks + 1) * ticks;
    }

    async Task<ProbeResult> ProbeWithSlotAsync(HealthCheck check, string host, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            return await Probe.RunAsync(check, host, ct);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Under the lock that cancels schedules: a cancelled one cannot publish.</summary>
    async Task<bool> PublishAsync(LbSchedule schedule, Observation observation)
    {
        lock (gate)
        {
            if (schedule.Cancelled) return false;
            if (output.TryWrite(observation))
            {
                Published?.Invoke();
                return true;
            }
        }
        // A bounded, full channel: wait for room, giving up the ordering guarantee above.
        await output.WriteAsync(observation, schedule.Token);
        Published?.Invoke();
        return true;
    }
}
