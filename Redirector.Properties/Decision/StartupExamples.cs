using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The first write: withheld until every LB has decided, then one write for all.</summary>
public class StartupExamples
{
    static readonly LbConfig[] Fifty = Enumerable.Range(0, 50)
        .Select(i => Some.DecisionLb($"lb{i:00}", Gens.AllStrategies[i % 5])).ToArray();

    [Fact]
    public void Fifty_lbs_at_startup_give_one_write_in_lb_name_order()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Fifty));
        foreach (var lb in Fifty.Reverse())
            foreach (var o in Some.Round(lb.Name, true, true, true))
                sim = sim.Observe(o);
        Assert.Equal(1, sim.Writes);
        var names = HostsDocumentEntries(sim.Text).Map(e => e.Name.Value).ToArray();
        Assert.Equal(Fifty.Select(l => $"{l.Name}.local").Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void After_the_first_write_every_change_writes()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Fifty.Take(2).ToArray()))
            .Observe(Some.Round("lb00", true, true, true).Concat(Some.Round("lb01", true, true, true))
                .ToArray());
        Assert.Equal(1, sim.Writes);
        sim = sim.Observe(Some.Probe("lb00", 0, false));
        Assert.Equal(2, sim.Writes);
        Assert.Equal(1, sim.BackendOf("lb00"));
    }

    [Fact]
    public void The_block_is_appended_and_everything_outside_it_is_kept()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Fifty[0]))
            .Observe(Some.Round("lb00", true, true, true));
        Assert.StartsWith(Some.DecisionHostsText, sim.Text);
        Assert.Contains("10.0.0.1  lb00.local lb00-alias.local", sim.Text);
    }

    [Fact]
    public void An_unusable_hosts_text_is_reported_and_not_written()
    {
        var broken = Some.DecisionHostsText + "# BEGIN REDIRECTOR MANAGED BLOCK\n";
        var sim = Simulation.Start(Some.DecisionConfig(Fifty[0]), broken)
            .Observe(Some.Round("lb00", true, true, true));
        Assert.Single(sim.Events<Effect.HostsUnusable>());
        Assert.Equal(broken, sim.Text);
        Assert.True(sim.State.Lbs["lb00"].Decided);
    }

    [Fact]
    public void A_block_edited_by_another_program_is_restored()
    {
        var sim = Simulation.Start(Some.DecisionConfig(Fifty[0]))
            .Observe(Some.Round("lb00", true, true, true));
        var written = sim.Text;
        var restored = sim.Edited(Some.DecisionHostsText + "10.9.9.9 other\n");
        Assert.Equal(Some.DecisionHostsText + "10.9.9.9 other\n" +
                     written[Some.DecisionHostsText.Length..], restored.Text);
    }

    [Fact]
    public void A_config_without_lbs_empties_a_leftover_block()
    {
        var leftover = Some.DecisionHostsText +
            "# BEGIN REDIRECTOR MANAGED BLOCK\n10.0.0.7  gone.local\n# END REDIRECTOR MANAGED BLOCK\n";
        var sim = Simulation.Start(Some.DecisionConfig(), leftover);
        Assert.Equal(1, sim.Writes);
        Assert.DoesNotContain("gone.local", sim.Text);
    }

    static Seq<Domain.Hosts.HostsEntry> HostsDocumentEntries(string text) =>
        Domain.Hosts.HostsDocument.Parse(text).Match(Right: d => d.Entries, Left: _ => Empty);
}
