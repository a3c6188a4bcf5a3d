using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The core decides what the scheduler runs: StartProbing/StopProbing per LB and
/// generation; results of a stopped schedule (old generation, removed LB, unknown backend)
/// are counted and change nothing. A reload that moves hosts_file is refused.</summary>
public class GenerationExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());
    static readonly LbConfig Api = Some.DecisionLb("api", new Strategy.Priority());

    static Simulation Running() =>
        Simulation.Start(Some.DecisionConfig(Web, Api))
            .Observe(Some.Round("web", true, true, true).Concat(Some.Round("api", true, true, true))
                .ToArray());

    [Fact]
    public void The_first_configuration_starts_every_lb_under_its_generation()
    {
        var (_, effects) = Decider.Steps(Decider.Initial(1),
            new Input.HostsRead(0, new HostsReading.Text("")),
            new Input.ConfigLoaded(0, Some.DecisionConfig(Web, Api), 7));
        Assert.Equal(new[] { new Effect.StartProbing(Api, 7), new Effect.StartProbing(Web, 7) },
            effects.OfType<Effect.StartProbing>().ToArray());
    }

    [Fact]
    public void A_reload_stops_and_starts_only_what_changed()
    {
        var changed = Web with { HealthCheck = Some.DecisionCheck(rise: 2) };
        var reloaded = Running().Reload(Some.DecisionConfig(changed, Db));
        Assert.Equal(new Effect[]
            {
                new Effect.StopProbing("api", 1), new Effect.StopProbing("web", 1),
                new Effect.StartProbing(Db, 2), new Effect.StartProbing(changed, 2),
            },
            reloaded.Last.Filter(e => e is Effect.StartProbing or Effect.StopProbing).ToArray());
        var applied = Assert.Single(reloaded.Events<Effect.ConfigApplied>());
        Assert.Equal(new[] { "web" }, applied.Restarted.ToArray());
        Assert.Equal(new[] { "db" }, applied.Started.ToArray());
        Assert.Equal(new[] { "api" }, applied.Removed.ToArray());
    }

    static readonly LbConfig Db = Some.DecisionLb("db", new Strategy.Hash());

    [Fact]
    public void Results_of_a_stopped_schedule_are_counted_and_ignored()
    {
        var changed = Web with { HealthCheck = Some.DecisionCheck(rise: 2) };
        var sim = Running().Reload(Some.DecisionConfig(changed));
        var stale = Seq(Some.Probe("web", 0, false), Some.Probe("api", 0, false),
            new Observation(new BackendKey("web", "10.9.9.9", 80), 2, Some.ProbeFailed));
        var (state, effects) = Decider.Step(sim.State, new Input.ProbesObserved(sim.Now, stale));
        Assert.Equal(sim.State with { StaleResults = sim.State.StaleResults + 3 }, state);
        Assert.True(effects.IsEmpty);
    }

    [Fact]
    public void A_host_listed_twice_takes_one_result_in_both_places()
    {
        var twice = Web with
        {
            Backends = Seq(new Backend("10.0.0.1", 0), new Backend("10.0.0.1", 0)),
            Strategy = new Strategy.Random(),
        };
        var sim = Simulation.Start(Some.DecisionConfig(twice)).Observe(Some.Probe("web", 0, true));
        Assert.True(sim.State.Lbs["web"].Decided);
        Assert.Contains("10.0.0.1  web.local", sim.Text);
    }

    [Fact]
    public void A_reload_that_moves_the_hosts_file_is_refused()
    {
        var sim = Running();
        var moved = Some.DecisionConfig(Web, Api) with
        {
            Main = Some.DecisionMain with { HostsFile = "/srv/hosts" },
        };
        var refused = sim.Reload(moved);
        var why = Assert.Single(Assert.Single(refused.Events<Effect.ReloadRefused>()).Reasons);
        Assert.StartsWith("hosts_file: /srv/hosts instead of /etc/hosts", why);
        Assert.Equal(sim.State, refused.State with { Generation = sim.State.Generation });
    }
}
