using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Daemon;

/// <summary>The daemon against a first backend that accepts every connection and resets it
/// at once: the handshake completes, so the TCP check passes and the entry must never move,
/// however the reset races with the probe's connect completion.</summary>
public sealed class ResettingBackendTests
{
    static readonly TimeSpan Watch = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_backend_that_resets_after_accepting_keeps_the_entry()
    {
        var (resettingServer, liveServer) = StartPair();
        using var resetting = resettingServer;
        using var live = liveServer;
        using var dir = new ConfigDir();
        dir.WriteTcpLb("db", resetting.Port, ["127.0.0.1", "127.0.0.2"], period: 0.2);
        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("db.test", "127.0.0.1"), daemon.Stdout);

        // Sampled every 20 ms over the whole watch (bounded by time): a move and back between
        // two samples would still show in the log, checked below.
        var seen = new HashSet<string?>();
        await Wait.UntilAsync(() =>
        {
            try
            {
                seen.Add(dir.EntryFor("db.test"));
            }
            catch (IOException)
            {
                // Read while the daemon replaced the file: the next sample reads it.
            }
            return false;
        }, Watch, TimeSpan.FromMilliseconds(20));

        Assert.True(resetting.Resets > 10, $"only {resetting.Resets} probes reached the backend");
        Assert.Equal(new HashSet<string?> { "127.0.0.1" }, seen);
        Assert.DoesNotContain("127.0.0.1 went down", daemon.Stdout);
        Assert.DoesNotContain("127.0.0.1 is down", daemon.Stdout);
    }

    /// <summary>The resetting backend on 127.0.0.1 and a plain one on 127.0.0.2, on one port
    /// (a check has one port for all its backends); a few tries when the port is taken.</summary>
    static (ResettingServer, LoopbackTcpServer) StartPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            var resetting = new ResettingServer("127.0.0.1");
            try
            {
                return (resetting, LoopbackTcpServer.Started("127.0.0.2", resetting.Port));
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 10)
            {
                resetting.Dispose();
            }
        }
    }
}
