using Redirector.Domain.Config;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>A restart reads the block back: the backend it names stays while healthy.</summary>
public class RestartExamples
{
    static string Block(params string[] lines) =>
        Some.DecisionHostsText + "# BEGIN REDIRECTOR MANAGED BLOCK\n" +
        string.Concat(lines.Select(l => l + "\n")) + "# END REDIRECTOR MANAGED BLOCK\n";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Sequential_and_random_keep_the_backend_the_block_names(int strategy)
    {
        var lb = Some.DecisionLb("web", Gens.AllStrategies[strategy]);
        var text = Block("10.0.0.3  web.local web-alias.local");
        var sim = Simulation.Start(Some.DecisionConfig(lb), text)
            .Observe(Some.Round("web", true, true, true));
        Assert.Equal(2, sim.BackendOf("web"));
        Assert.Equal(0, sim.Writes);
        Assert.Equal(RedirectKind.Kept, Assert.Single(sim.Events<Effect.Redirected>()).Kind);
    }

    [Fact]
    public void A_remembered_backend_that_is_down_gives_way_to_the_normal_pick()
    {
        var lb = Some.DecisionLb("web", new Strategy.Sequential());
        var sim = Simulation.Start(Some.DecisionConfig(lb), Block("10.0.0.3  web.local"))
            .Observe(Some.Round("web", true, true, false));
        Assert.Equal(0, sim.BackendOf("web"));
    }

    [Fact]
    public void All_down_at_restart_with_keep_keeps_the_entry_read_back()
    {
        var lb = Some.DecisionLb("web", new Strategy.Sequential());
        var sim = Simulation.Start(Some.DecisionConfig(lb), Block("10.0.0.3  web.local"))
            .Observe(Some.Round("web", false, false, false));
        Assert.Equal(2, sim.BackendOf("web"));
        Assert.True(Assert.Single(sim.Events<Effect.AllBackendsDown>()).EntryKept);
    }

    [Fact]
    public void All_down_at_restart_with_remove_drops_the_entry_read_back()
    {
        var lb = Some.DecisionLb("web", new Strategy.Sequential(), onAllDown: OnAllDown.Remove);
        var sim = Simulation.Start(Some.DecisionConfig(lb), Block("10.0.0.3  web.local"))
            .Observe(Some.Round("web", false, false, false));
        Assert.True(sim.EntryOf("web").IsNone);
        Assert.Single(sim.Events<Effect.EntryRemoved>());
    }

    [Fact]
    public void Entries_of_lbs_no_longer_configured_leave_on_the_first_write()
    {
        var lb = Some.DecisionLb("web", new Strategy.Sequential());
        var text = Block("10.0.0.9  old.local", "10.0.0.1  web.local");
        var sim = Simulation.Start(Some.DecisionConfig(lb), text)
            .Observe(Some.Round("web", true, true, true));
        Assert.Equal(1, sim.Writes);
        Assert.DoesNotContain("old.local", sim.Text);
        Assert.Equal(0, sim.BackendOf("web"));
    }
}
