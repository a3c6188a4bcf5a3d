using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>SIGHUP: unchanged LBs keep their state, new ones start fresh, removed ones leave.</summary>
public class ReloadExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());
    static readonly LbConfig Api = Some.DecisionLb("api", new Strategy.Random());
    static readonly LbConfig Db = Some.DecisionLb("db", new Strategy.Priority());

    static Simulation Running() =>
        Simulation.Start(Some.DecisionConfig(Web, Api))
            .Observe(Some.Round("web", true, true, true).Concat(Some.Round("api", true, true, true))
                .ToArray())
            .Observe(Some.Probe("web", 0, false));

    [Fact]
    public void An_unchanged_lb_keeps_its_state_even_when_read_from_another_file()
    {
        var sim = Running();
        var moved = Web with { SourceFile = "lb_configs/renamed.yml" };
        var reloaded = sim.Reload(Some.DecisionConfig(moved, Api));
        Assert.Equal(sim.State.Lbs["web"].Backends, reloaded.State.Lbs["web"].Backends);
        Assert.Equal(1, reloaded.BackendOf("web"));
        var applied = Assert.IsType<Effect.ConfigApplied>(Assert.Single(reloaded.Last));
        Assert.Equal(new[] { "api", "web" }, applied.Kept.ToArray());
    }

    [Fact]
    public void A_removed_lb_leaves_the_block_and_a_new_one_joins_after_deciding()
    {
        var reloaded = Running().Reload(Some.DecisionConfig(Web, Db));
        Assert.Equal("api", Assert.Single(reloaded.Events<Effect.EntryRemoved>()).Lb);
        Assert.True(reloaded.EntryOf("api").IsNone);
        Assert.True(reloaded.EntryOf("db").IsNone);
        var decided = reloaded.Observe(Some.Round("db", true, true, true));
        Assert.Equal(0, decided.BackendOf("db"));
        Assert.Equal(1, decided.BackendOf("web"));
    }

    [Fact]
    public void A_changed_lb_starts_fresh_from_its_entry_in_the_block()
    {
        var sim = Running();
        var changed = Web with { HealthCheck = Some.DecisionCheck(rise: 2) };
        var reloaded = sim.Reload(Some.DecisionConfig(changed, Api));
        Assert.False(reloaded.State.Lbs["web"].Decided);
        Assert.Equal(1, reloaded.BackendOf("web"));
        var next = reloaded.Observe(Some.Round("web", true, true, true));
        Assert.Equal(1, next.BackendOf("web"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_changed_lb_whose_entry_stays_reports_no_redirect(int strategy)
    {
        var lb = Some.DecisionLb("web", Gens.AllStrategies[strategy]);
        var sim = Simulation.Start(Some.DecisionConfig(lb))
            .Observe(Some.Round("web", true, true, true));
        var changed = lb with { HealthCheck = Some.DecisionCheck(rise: 2) };
        var next = sim.Reload(Some.DecisionConfig(changed))
            .Observe(Some.Round("web", true, true, true));
        Assert.True(next.State.Lbs["web"].Decided);
        Assert.Equal(sim.EntryOf("web"), next.EntryOf("web"));
        Assert.Empty(next.Events<Effect.Redirected>());
    }

    [Fact]
    public void A_changed_lb_whose_entry_moves_reports_its_new_choice()
    {
        var changed = Web with { HealthCheck = Some.DecisionCheck(rise: 2) };
        var next = Running().Reload(Some.DecisionConfig(changed, Api))
            .Observe(Some.Round("web", true, false, true));
        var chosen = Assert.Single(next.Events<Effect.Redirected>());
        Assert.Equal(RedirectKind.Chosen, chosen.Kind);
        Assert.Equal(0, next.BackendOf("web"));
    }

    [Fact]
    public void A_new_node_name_moves_hash_lbs()
    {
        var hash = Some.DecisionLb("s3", new Strategy.Hash(), backends: 5);
        var sim = Simulation.Start(Some.DecisionConfig(hash))
            .Observe(Some.Round("s3", true, true, true, true, true));
        var nodes = Enumerable.Range(0, 20).Select(i => $"node-{i}").ToArray();
        var targets = nodes.Select(n => Some.DecisionConfig(hash) with
            {
                Main = Some.DecisionMain with { NodeName = n },
            })
            .Select(c => (int)sim.Reload(c).BackendOf("s3"))
            .Distinct().Count();
        Assert.True(targets > 1);
    }

    [Fact]
    public void A_new_node_name_that_moves_a_hash_lb_reports_the_move()
    {
        var hash = Some.DecisionLb("s3", new Strategy.Hash(), backends: 5);
        var sim = Simulation.Start(Some.DecisionConfig(hash))
            .Observe(Some.Round("s3", true, true, true, true, true));
        var before = (int)sim.BackendOf("s3");
        var moved = Enumerable.Range(0, 20)
            .Select(i => sim.Reload(Some.DecisionConfig(hash) with
            {
                Main = Some.DecisionMain with { NodeName = $"node-{i}" },
            }))
            .First(r => r.BackendOf("s3") != before);
        var redirect = Assert.Single(moved.Events<Effect.Redirected>());
        Assert.Equal(RedirectKind.Moved, redirect.Kind);
        Assert.Equal(LanguageExt.Option<string>.Some(Some.BackendIp(before)), redirect.From);
        Assert.Equal(Some.BackendIp((int)moved.BackendOf("s3")), redirect.To);
    }

    [Fact]
    public void A_random_lb_added_by_a_reload_is_seeded_from_the_state_generator()
    {
        var added = Some.DecisionLb("new", new Strategy.Random(), backends: 4);
        int Choice(ulong seed) =>
            (int)Simulation.Start(Some.DecisionConfig(Web), seed: seed)
                .Observe(Some.Round("web", true, true, true))
                .Reload(Some.DecisionConfig(Web, added))
                .Observe(Some.Round("new", true, true, true, true))
                .BackendOf("new");
        var choices = Enumerable.Range(0, 100).Select(s => Choice((ulong)s)).ToArray();
        Assert.Equal(choices, Enumerable.Range(0, 100).Select(s => Choice((ulong)s)));
        Assert.Equal(4, choices.Distinct().Count());
    }
}
