using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>latency: the healthy backend with the lowest smoothed probe time, switching away
/// from a healthy one only for a backend faster by 20% and by 5 ms (the defaults).</summary>
public class LatencyExamples
{
    static readonly LbConfig Lb = Some.DecisionLb("cache", Some.DefaultLatency, backends: 2);

    static Simulation Started(double ms0, double ms1) =>
        Simulation.Start(Some.DecisionConfig(Lb))
            .Observe(Some.Probe("cache", 0, true, ms0), Some.Probe("cache", 1, true, ms1));

    [Fact]
    public void Starts_on_the_fastest_backend()
    {
        Assert.Equal(1, Started(50, 10).BackendOf("cache"));
    }

    [Fact]
    public void A_near_tie_never_switches()
    {
        var sim = Started(10, 12);
        for (var i = 0; i < 20; i++)
            sim = sim.Observe(Some.Probe("cache", 0, true, 12), Some.Probe("cache", 1, true, 9));
        Assert.Equal(0, sim.BackendOf("cache"));
    }

    [Fact]
    public void A_lasting_slowdown_switches_once_the_smoothed_time_passes_both_margins()
    {
        var sim = Started(10, 30);
        for (var i = 0; i < 3; i++)
            sim = sim.Observe(Some.Probe("cache", 0, true, 40));
        // Smoothed 19, 25.3, 29.71 ms: still the fastest.
        Assert.Equal(0, sim.BackendOf("cache"));
        sim = sim.Observe(Some.Probe("cache", 0, true, 34));
        // 30.997 ms against 30 ms: slower, but within both margins.
        Assert.Equal(0, sim.BackendOf("cache"));
        sim = sim.Observe(Some.Probe("cache", 0, true, 60));
        // 39.698 ms: 30 < 39.698 * 0.8 and 9.7 ms > 5 ms, so it switches.
        Assert.Equal(1, sim.BackendOf("cache"));
        var redirect = Assert.Single(sim.Events<Effect.Redirected>());
        Assert.Contains("fastest healthy backend", redirect.Reason);
    }

    [Fact]
    public void Margins_are_configurable()
    {
        var eager = Lb with { Strategy = new Strategy.Latency(0, 0) };
        var sim = Simulation.Start(Some.DecisionConfig(eager))
            .Observe(Some.Probe("cache", 0, true, 10), Some.Probe("cache", 1, true, 12))
            .Observe(Some.Probe("cache", 0, true, 20));
        Assert.Equal(1, sim.BackendOf("cache"));
    }
}
