using Redirector.Domain.Decision;
using Xunit.Abstractions;

namespace Redirector.EndToEnd.Watching;

/// <summary>Watch connections against peers that mistreat them (one shared run, see
/// <see cref="HostilePeersRun"/>). A watch loss is a hint, never a verdict: the entry of each
/// LB never moves after its first choice. Each peer accepts no more connections than the design
/// allows: one probe per period, at most one watch connection per period, one extra probe per
/// watch loss (with slack); the quick closers end up not watchable, so after the settle point
/// they see the probes alone.</summary>
public sealed class HostilePeerTests(HostilePeersRun run, ITestOutputHelper output)
    : IClassFixture<HostilePeersRun>
{
    const int Slack = 5;

    [Fact]
    public void A_peer_that_closes_idle_connections_after_100_ms_keeps_the_entry_and_is_not_watched() =>
        QuickCloser("a-idle");

    [Fact]
    public void A_peer_that_closes_every_connection_at_once_keeps_the_entry_and_is_not_watched() =>
        QuickCloser("b-close");

    [Fact]
    public void A_peer_that_resets_every_connection_keeps_the_entry_and_is_not_watched() =>
        QuickCloser("d-reset");

    [Fact]
    public void A_peer_whose_connects_hang_is_never_named_and_the_daemon_stays_healthy()
    {
        var peer = Checked("c-hang");
        Assert.Contains(Lines(peer.Lb, $"backend {peer.Hostile} is down"), _ => true);
        Assert.DoesNotContain(Lines(peer.Lb, $"{peer.Hostile} came back up"), _ => true);
        // A watch follows a probe that came back up: never here.
        Assert.Empty(Watch(peer, "open", nameof(Effect.WatchConnected)));
        Assert.Equal(0, run.ExitCode);
        // The other LBs' probes and decisions went on meanwhile: every peer was probed.
        foreach (var other in run.Peers.Where(p => p.Lb != peer.Lb))
            Assert.True(other.AcceptedAtEnd >= run.Seconds / 2, Describe(other));
    }

    [Fact]
    public void A_peer_that_never_reads_keeps_its_watch_and_the_entry()
    {
        var peer = Checked("e-noread");
        Assert.Empty(NotWatchable(peer));
        Assert.NotEmpty(Watch(peer, "open", nameof(Effect.WatchConnected)));
        Assert.Empty(Watch(peer, "lost", nameof(Effect.WatchDropped)));
        // Probes, and the one watch that it never ends (a second one at most, with the slack).
        var bound = Periods(run.Seconds) + 1 + Slack;
        Assert.True(peer.AcceptedAtEnd <= bound, $"{Describe(peer)}; bound {bound}");
    }

    void QuickCloser(string lb)
    {
        var peer = Checked(lb);
        Assert.NotEmpty(NotWatchable(peer));
        var after = peer.AcceptedAtEnd - peer.AcceptedAtSettle;
        var bound = Periods(run.SecondsAfterSettle) + Slack;
        Assert.True(after <= bound,
            $"{Describe(peer)}: {after} after the settle point, bound {bound} (probes alone)");
    }

    /// <summary>What every LB of the run must show: the run went through, the entry named the
    /// expected backend from the first write to the end, one redirect (the first choice) in
    /// the log, and the peer's connections within the design's bound for the whole run.</summary>
    HostilePeer Checked(string lb)
    {
        var peer = run.Peer(lb);
        output.WriteLine(Describe(peer));
        Assert.True(run.RanThrough, $"the daemon did not run {HostilePeersRun.Window}:\n" +
                                    $"{run.Errors}\n{run.Log}");
        Assert.Equal([peer.Expected], peer.Entries.SkipWhile(e => e is null).ToList());
        var redirects = Lines(lb, " chosen ", " -> ", " now at ", "kept ");
        Assert.True(redirects.Count == 1, string.Join("\n", redirects));
        var bound = 3 * Periods(run.Seconds) + Slack;
        Assert.True(peer.AcceptedAtEnd <= bound, $"{Describe(peer)}; bound {bound} for the run");
        return peer;
    }

    static int Periods(double seconds) => (int)Math.Ceiling(seconds / HostilePeersRun.Period);

    /// <summary>Its log line, or the event itself where the daemon has no words for it yet.
    /// </summary>
    IReadOnlyList<string> NotWatchable(HostilePeer peer) =>
        Mentions(peer.Hostile, "is not watched for", nameof(Effect.NotWatchable));

    IReadOnlyList<string> Watch(HostilePeer peer, string what, string effect) =>
        Mentions(peer.Hostile, $"watch connection to {peer.Hostile} {what}", effect);

    /// <summary>Log lines naming the address (each LB has its own) with any of the texts.</summary>
    IReadOnlyList<string> Mentions(string address, params string[] texts) =>
        run.Log.Split('\n')
            .Where(l => l.Contains(address + " ", StringComparison.Ordinal)
                        || l.Contains(address + ",", StringComparison.Ordinal)
                        || l.EndsWith(address, StringComparison.Ordinal))
            .Where(l => texts.Any(t => l.Contains(t, StringComparison.Ordinal)))
            .ToList();

    /// <summary>The log lines of this LB that hold any of the texts.</summary>
    IReadOnlyList<string> Lines(string lb, params string[] texts) =>
        run.Log.Split('\n')
            .Where(l => l.Contains($"{lb}: ", StringComparison.Ordinal)
                        && texts.Any(t => l.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    string Describe(HostilePeer p) =>
        $"{p.Lb}: entries {string.Join(" | ", p.Entries.Select(e => e ?? "(none)"))}; " +
        $"{p.Hostile} accepted {p.AcceptedAtSettle} by {HostilePeersRun.Settle.TotalSeconds:0} s, " +
        $"{p.AcceptedAtEnd} in {run.Seconds:0.0} s";
}
