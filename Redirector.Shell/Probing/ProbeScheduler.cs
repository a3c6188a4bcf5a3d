using System.Threading.Channels;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Shell.Running;

namespace Redirector.Shell.Probing;

/// <summary>Probes every backend of every LB each period, each backend in its own async loop
/// (timers, not threads: thousands of backends cost thousands of small tasks). A loop awaits
/// its probe before sleeping, so a backend never has two probes in flight. The first probe of
/// a new schedule starts at once (a fast first decision); later ones are shifted by a random
/// phase of its LB over the whole period, so thousands of LBs spread evenly instead of
/// bursting. An LB's backends share its grid exactly: two that die together are noticed
/// together, the clock starts them in one wake-up and their results mostly reach the daemon
/// as one batch (one decision instead of one per backend).
/// <para>It holds timing only: which LB to probe, under which generation, is what the core
/// decided (<see cref="Effect.StartProbing"/>, <see cref="Effect.StopProbing"/>). Every result
/// carries its schedule's generation, so results that a stopped schedule queued are the core's
/// to ignore. Once <see cref="Stop"/> or <see cref="StopAsync"/> has returned, a stopped
/// schedule publishes nothing more. The scheduler never completes the channel.</para>
/// </summary>
public sealed partial class ProbeScheduler(ChannelWriter<Observation> output) : IAsyncDisposable
{
    /// <summary>Bounds open sockets when thousands of backends start together.</summary>
    public const int MaxProbesInFlight = 1000;

    static readonly TimeSpan StopWait = TimeSpan.FromMilliseconds(800);

    readonly object gate = new();
    readonly SemaphoreSlim slots = new(MaxProbesInFlight);
    readonly ProbeClock clock = new();
    readonly Dictionary<string, LbSchedule> schedules = new();
    readonly List<Task> loops = new();
    bool stopped;

    /// <summary>Called after each result is queued (on the thread that produced it), so a
    /// reader on its own thread can be woken without polling.</summary>
    public Action? Published { get; init; }

    /// <summary>Starts probing an LB; a schedule of the same LB still running is replaced.
    /// After <see cref="StopAsync"/> it does nothing (a reload racing a stop).</summary>
    public void Start(LbConfig lb, int generation)
    {
        lock (gate)
        {
            if (stopped) return;
            if (schedules.TryGetValue(lb.Name, out var running)) running.Cancel();
            loops.RemoveAll(t => t.IsCompleted);
            schedules[lb.Name] = Run(lb, generation);
        }
    }

    /// <summary>Stops the LB's schedule of that generation (a newer one is left alone).</summary>
    public void Stop(string lb, int generation)
    {
        lock (gate)
        {
            if (!schedules.TryGetValue(lb, out var running) || running.Generation != generation)
                return;
            running.Cancel();
            schedules.Remove(lb);
        }
    }

    /// <summary>Probes these backends as soon as they have no probe in flight (a failover waits
    /// for their fresh results); their regular schedule then restarts from that probe.</summary>
    public void ProbeNow(IEnumerable<BackendKey> backends)
    {
        lock (gate)
            foreach (var key in backends)
                foreach (var wake in WakesOf(key))
                    wake.Set();
    }

    /// <summary>Probes these backends at <paramref name="at"/> (<see cref="Clock.NowMs"/>)
    /// unless a probe of theirs starts earlier (their turn, a ProbeNow); their regular schedule
    /// then restarts from that probe. A probe in flight is awaited first, as for ProbeNow.
    /// </summary>
    public void ProbeAt(IEnumerable<BackendKey> backends, long at)
    {
        // Positive: the clock sorts 0 first for ProbeNow.
        var timestamp = Math.Max(1, Clock.ToTimestamp(at));
        lock (gate)
            foreach (var key in backends)
                foreach (var wake in WakesOf(key))
                    wake.SetAt(timestamp);
    }

    /// <summary>The wake of the backend's running schedule, if it has one (under the gate).
    /// </summary>
    IEnumerable<Wake> WakesOf(BackendKey key)
    {
        if (!schedules.TryGetValue(key.Lb, out var schedule)) yield break;
        for (var i = 0; i < schedule.Keys.Length; i++)
            if (schedule.Keys[i] == key)
                yield return schedule.Wakes[i];
    }

    /// <summary>Cancels every probe and waits (under a second) for the loops to end.</summary>
    public async Task StopAsync()
    {
        Task all;
        lock (gate)
        {
            stopped = true;
            foreach (var schedule in schedules.Values) schedule.Cancel();
            schedules.Clear();
            all = Task.WhenAll(loops);
        }
        clock.Dispose();
        await Task.WhenAny(all, Task.Delay(StopWait));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    LbSchedule Run(LbConfig lb, int generation)
    {
        var schedule = new LbSchedule(lb, generation, clock);
        var backendLoops = lb.Backends
            .Select((backend, index) =>
                Task.Run(() => RunBackendAsync(schedule, index, backend.Host)))
            .ToArray();
        loops.AddRange(backendLoops);
        return schedule;
    }
}
