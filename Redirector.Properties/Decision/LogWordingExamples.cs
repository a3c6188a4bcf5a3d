using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>The reasons the log prints after "web: A -> B: " and "entry removed: ", as the README
/// shows them ("127.0.0.2 went down; best priority (2) among healthy backends"): each kind of
/// redirect and removal with its exact words.</summary>
public class LogWordingExamples
{
    static readonly LbConfig Web = Some.DecisionLb("web", new Strategy.Sequential());

    static Simulation Serving(LbConfig lb, OnAllDown policy = OnAllDown.Keep) =>
        Simulation.Start(Some.DecisionConfig(lb with { OnAllDown = policy }))
            .Observe(Some.Round(lb.Name, true, true, true));

    [Fact]
    public void The_first_choice_says_why_and_comes_from_nowhere()
    {
        var first = Assert.Single(Serving(Web).Events<Effect.Redirected>());
        Assert.Equal((None, "10.0.0.1", "first healthy in list order", RedirectKind.Chosen),
            (first.From, first.To, first.Reason, first.Kind));
    }

    [Fact]
    public void A_move_names_the_backend_that_went_down_then_the_strategys_reason()
    {
        var lb = Some.DecisionLb("web", new Strategy.Priority(), priorities: [1, 2, 3]);
        var moved = Assert.Single(Serving(lb).Observe(Some.Probe("web", 0, false))
            .Events<Effect.Redirected>());
        Assert.Equal((Some("10.0.0.1"), "10.0.0.2",
                "10.0.0.1 went down; best priority (2) among healthy backends", RedirectKind.Moved),
            (moved.From, moved.To, moved.Reason, moved.Kind));
        Assert.Equal(Some.BackendAddress(1), moved.Address);
    }

    [Fact]
    public void A_move_to_a_better_backend_while_the_active_one_is_up_gives_only_the_reason()
    {
        var lb = Some.DecisionLb("web", new Strategy.Priority(), priorities: [1, 2, 3]);
        var sim = Simulation.Start(Some.DecisionConfig(lb))
            .Observe(Some.Round("web", false, true, true));
        var moved = Assert.Single(sim.Observe(Some.Probe("web", 0, true)).Events<Effect.Redirected>());
        Assert.Equal((Some("10.0.0.2"), "10.0.0.1", "best priority (1) among healthy backends",
            RedirectKind.Moved), (moved.From, moved.To, moved.Reason, moved.Kind));
    }

    [Fact]
    public void A_new_address_of_the_active_backend_is_said_as_such()
    {
        var other = IpLiteral.TryParse("10.0.9.9").IfNone(() => throw new ArgumentException("ip"));
        var sim = Serving(Web).Observe(new Observation(Some.Key("web", 0), 1,
            new ProbeResult.Up(other, TimeSpan.FromMilliseconds(3), "connected")));
        var moved = Assert.Single(sim.Events<Effect.Redirected>());
        Assert.Equal((Some("10.0.0.1"), "10.0.0.1", "the address of 10.0.0.1 changed",
            RedirectKind.Readdressed, other), (moved.From, moved.To, moved.Reason, moved.Kind,
            moved.Address));
        Assert.Contains("10.0.9.9  web.local", sim.Text);
    }

    [Fact]
    public void All_down_with_remove_says_why_the_entry_left()
    {
        var sim = Serving(Web, OnAllDown.Remove).Observe(Some.Round("web", false, false, false));
        Assert.Equal(new object[] { ("web", false), ("web", "all backends are down") },
            sim.Last.Choose(e => e switch
            {
                Effect.AllBackendsDown d => Some<object>((d.Lb, d.EntryKept)),
                Effect.EntryRemoved r => Some<object>((r.Lb, r.Reason)),
                _ => None,
            }).ToArray());
        Assert.True(sim.EntryOf("web").IsNone);
    }

    [Fact]
    public void All_down_with_keep_keeps_the_entry_and_says_so()
    {
        var sim = Serving(Web).Observe(Some.Round("web", false, false, false));
        var down = Assert.Single(sim.Events<Effect.AllBackendsDown>());
        Assert.Equal(("web", true), (down.Lb, down.EntryKept));
        Assert.Empty(sim.Events<Effect.EntryRemoved>());
        Assert.Equal(0, sim.BackendOf("web"));
    }

    [Fact]
    public void An_lb_removed_by_a_reload_leaves_the_block_because_it_is_no_longer_configured()
    {
        var api = Some.DecisionLb("api", new Strategy.Sequential());
        var sim = Simulation.Start(Some.DecisionConfig(Web, api))
            .Observe(Some.Round("web", true, true, true).Concat(Some.Round("api", true, true, true))
                .ToArray())
            .Reload(Some.DecisionConfig(Web));
        Assert.Equal("no longer configured",
            Assert.Single(sim.Events<Effect.EntryRemoved>().Filter(e => e.Lb == "api")).Reason);
        Assert.True(sim.EntryOf("api").IsNone);
        Assert.True(sim.EntryOf("web").IsSome);
        var applied = Assert.Single(sim.Events<Effect.ConfigApplied>());
        Assert.Equal(new[] { "web" }, applied.Kept.ToArray());
        Assert.Empty(applied.Restarted);
        Assert.Empty(applied.Started);
        Assert.Equal(new[] { "api" }, applied.Removed.ToArray());
    }

    [Fact]
    public void A_restart_that_keeps_the_blocks_backend_says_so()
    {
        var text = Some.DecisionHostsText + "# BEGIN REDIRECTOR MANAGED BLOCK\n"
                   + "10.0.0.2  web.local web-alias.local\n# END REDIRECTOR MANAGED BLOCK\n";
        var kept = Assert.Single(Simulation.Start(Some.DecisionConfig(Web), text)
            .Observe(Some.Round("web", true, true, true)).Events<Effect.Redirected>());
        Assert.Equal(("10.0.0.2", "kept from the existing block", RedirectKind.Kept),
            (kept.To, kept.Reason, kept.Kind));
    }
}
