using System.Collections.Concurrent;
using System.Diagnostics;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;

namespace Redirector.EndToEnd.Probes;

public class TcpProbeTests
{
    static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.3")]
    [InlineData("::1")]
    public async Task A_listening_backend_is_up_and_its_address_reported(string address)
    {
        using var server = LoopbackTcpServer.Started(address);

        var result = await Probe.RunAsync(Some.Tcp(server.Port), address, None);

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(address, result.Address.Map(a => a.Value).IfNone(""));
        // The server counts a connection when its accept loop gets to it, maybe after the probe.
        await Wait.UntilAsync(() => server.Connections > 0, TimeSpan.FromSeconds(5));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_stopped_backend_is_refused()
    {
        using var server = LoopbackTcpServer.Started();
        server.Stop();

        var result = await Probe.RunAsync(Some.Tcp(server.Port), "127.0.0.1", None);

        Assert.False(result.Ok);
        Assert.Equal("refused", result.Reason);
        Assert.Equal("127.0.0.1", result.Address.Map(a => a.Value).IfNone(""));
    }

    /// <summary>An accept-and-reset peer has completed the handshake, which is all a TCP check
    /// asks. Its reset can reach the probe before the probe has handled its connect completion;
    /// several probes at once keep the thread pool busy, which makes that likelier.</summary>
    [Fact]
    public async Task A_backend_that_resets_each_connection_right_after_accepting_is_up_every_time()
    {
        using var server = new ResettingServer();
        var check = Some.Tcp(server.Port);

        var (count, downs) = await ProbeManyAsync(check, maxProbes: 300, TimeSpan.FromSeconds(20));

        Assert.True(downs.IsEmpty, $"{downs.Count} of {count} probes down: "
            + string.Join(", ", downs.GroupBy(r => r).Select(g => $"{g.Count()} x {g.Key}")));
        Assert.True(server.Resets > 0, "the server reset no connection");
    }

    /// <summary>The other side of the fix above: no listener is still refused, however many
    /// probes run at once.</summary>
    [Fact]
    public async Task A_closed_port_is_refused_every_time_under_the_same_load()
    {
        using var server = LoopbackTcpServer.Started();
        server.Stop();
        var check = Some.Tcp(server.Port);

        var (count, downs) = await ProbeManyAsync(check, maxProbes: 200, TimeSpan.FromSeconds(10));

        Assert.Equal(count, downs.Count);
        Assert.All(downs, reason => Assert.Equal("refused", reason));
    }

    const int Parallel = 8;

    /// <summary>Probes 127.0.0.1 with <paramref name="check"/>, <see cref="Parallel"/> at a
    /// time, until <paramref name="maxProbes"/> have run or <paramref name="maxTime"/> has
    /// passed. The count run and the reasons of those that were down.</summary>
    internal static async Task<(int Count, ConcurrentBag<string> Downs)> ProbeManyAsync(
        Redirector.Domain.Config.HealthCheck check, int maxProbes, TimeSpan maxTime)
    {
        var clock = Stopwatch.StartNew();
        var downs = new ConcurrentBag<string>();
        var count = 0;
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < maxTime && Interlocked.Increment(ref count) <= maxProbes)
            {
                var result = await Probe.RunAsync(check, "127.0.0.1", None);
                if (!result.Ok) downs.Add(result.Reason);
            }
        })));
        return (Math.Min(count, maxProbes), downs);
    }

    [Fact]
    public async Task A_restarted_backend_is_up_again_on_a_fresh_connection()
    {
        using var server = LoopbackTcpServer.Started();
        server.Stop();
        var down = await Probe.RunAsync(Some.Tcp(server.Port), "127.0.0.1", None);
        server.Start();

        var up = await Probe.RunAsync(Some.Tcp(server.Port), "127.0.0.1", None);

        Assert.False(down.Ok);
        Assert.True(up.Ok, up.Reason);
    }

    [Fact]
    public async Task A_backend_that_never_answers_times_out_within_the_check_timeout()
    {
        using var server = new HangingServer();

        var check = Some.Tcp(server.Port, timeoutSeconds: 0.5);

        var result = await Probe.RunAsync(check, "127.0.0.1", None);

        Assert.False(result.Ok);
        Assert.Equal("timeout after 0.5s", result.Reason);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_host_name_is_resolved_at_probe_time_and_the_answering_address_reported()
    {
        using var v4 = LoopbackTcpServer.Started("127.0.0.1");
        using var v6 = LoopbackTcpServer.Started("::1", v4.Port);

        var result = await Probe.RunAsync(Some.Tcp(v4.Port), "localhost", None);

        Assert.True(result.Ok, result.Reason);
        Assert.Contains(result.Address.Map(a => a.Value).IfNone(""), new[] { "127.0.0.1", "::1" });
    }

    [Fact]
    public async Task Cancelling_from_outside_ends_a_hanging_probe_with_a_failed_result()
    {
        using var server = new HangingServer();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var result = await Probe.RunAsync(Some.Tcp(server.Port, timeoutSeconds: 30), "127.0.0.1",
            cancel.Token);

        Assert.False(result.Ok);
        Assert.Equal("cancelled", result.Reason);
    }

    [Fact]
    public async Task Port_zero_is_a_failed_result_not_an_exception()
    {
        var result = await Probe.RunAsync(Some.Tcp(0), "127.0.0.1", None);

        Assert.False(result.Ok);
        Assert.NotEmpty(result.Reason);
    }
}
