using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;

namespace Redirector.EndToEnd.Scheduling;

public class ProbeRoundTests
{
    [Fact]
    public async Task Every_backend_is_probed_once_in_lb_then_backend_order()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");
        using var a = servers[0];
        using var b = servers[1];
        b.Stop();
        var check = Some.Tcp(a.Port);

        var round = await ProbeRound.RunAsync(Some.Config(
            Some.Lb("zeta", check, "127.0.0.1"),
            Some.Lb("alpha", check, "127.0.0.2", "127.0.0.1")), CancellationToken.None);

        Assert.Equal(
            new[] { ("alpha", "127.0.0.2", false), ("alpha", "127.0.0.1", true),
                ("zeta", "127.0.0.1", true) },
            round.Map(o => (o.Backend.Lb, o.Backend.Host, o.Result.Ok)).ToArray());
        Assert.Equal("refused", round[0].Result.Reason);
        Assert.Equal(2, a.Connections);
    }

    [Fact]
    public async Task Probes_run_concurrently_so_a_round_lasts_as_long_as_its_slowest_probe()
    {
        var delay = TimeSpan.FromSeconds(1);
        using var slow = LoopbackHttpServer.Started(HttpReply.Ok().After(delay));
        var hosts = Enumerable.Repeat("127.0.0.1", 8).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var round = await ProbeRound.RunAsync(
            Some.Config(Some.Lb("slow", Some.Http(slow.Port, timeoutSeconds: 5), hosts)),
            CancellationToken.None);

        Assert.Equal(8, round.Count);
        Assert.All(round, o => Assert.True(o.Result.Ok, o.Result.Reason));
        Assert.InRange(slow.MaxInFlight, 2, 8);
        Assert.True(clock.Elapsed < 8 * delay, $"round took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_cancelled_round_ends_with_cancelled_results_instead_of_an_exception()
    {
        using var hanging = new HangingServer();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var check = Some.Tcp(hanging.Port, timeoutSeconds: 30);

        var round = await ProbeRound.RunAsync(
            Some.Config(Some.Lb("stuck", check, "127.0.0.1", "127.0.0.1")), cancel.Token);

        Assert.Equal(2, round.Count);
        Assert.All(round, o => Assert.Equal("cancelled", o.Result.Reason));
    }

    [Fact]
    public async Task Http_backends_on_several_loopback_addresses_share_the_check_port()
    {
        var servers = LoopbackHttpServer.StartMany("127.0.0.6", "127.0.0.7");
        using var a = servers[0];
        using var b = servers[1];
        b.Reply = HttpReply.Text(500, "broken");

        var round = await ProbeRound.RunAsync(
            Some.Config(Some.Lb("web", Some.Http(a.Port), "127.0.0.6", "127.0.0.7")),
            CancellationToken.None);

        Assert.Equal(new[] { "status 200", "status 500" },
            round.Map(o => o.Result.Reason).ToArray());
        Assert.Equal(new[] { "127.0.0.6", "127.0.0.7" },
            round.Map(o => o.Result.Address.Map(x => x.Value).IfNone("")).ToArray());
    }
}
