using Redirector.EndToEnd.Support;
using Redirector.Shell.Scheduling;

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
            new[] { ("alpha", 0, false), ("alpha", 1, true), ("zeta", 0, true) },
            round.Map(o => (o.Backend.Lb, o.Backend.Index, o.Result.Ok)).ToArray());
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
}
