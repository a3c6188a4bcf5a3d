using System.Security.Cryptography.X509Certificates;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;

namespace Redirector.EndToEnd.Probes;

/// <summary>What decides a probe's verdict stays bounded: a regex that backtracks is a body
/// failure at its match timeout, certificate chains are built from what the backend sent and
/// the local trust only, never from downloads or revocation servers, and a TLS connection's
/// reads (so its handshake checks) continue on the pool, not on a socket thread.</summary>
public sealed class VerdictTests
{
    [Fact]
    public async Task A_body_regex_that_times_out_is_a_body_failure()
    {
        using var server = LoopbackHttpServer.Started(HttpReply.Ok(new string('a', 40) + "!"));
        var check = Some.Http(server.Port, timeoutSeconds: 10) with
        {
            ExpectedResponse = Some.Body("(a|aa)+$"),
        };

        var result = await Probe.RunAsync(check, "127.0.0.1", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("body: regex '(a|aa)+$' took longer than 0.5s (match timeout)",
            result.Reason);
    }

    [Fact]
    public void The_handshake_chain_policy_fetches_nothing()
    {
        var check = Some.Http(443) with { Scheme = HttpScheme.Https };

        var policy = TlsTrust.Options(check, _ => { }).CertificateChainPolicy;

        Assert.NotNull(policy);
        Assert.True(policy.DisableCertificateDownloads);
        Assert.Equal(X509RevocationMode.NoCheck, policy.RevocationMode);
    }

    [Fact]
    public void The_cacerts_chain_policy_fetches_nothing()
    {
        var policy = TlsTrust.BundlePolicy(new X509Certificate2Collection());

        Assert.True(policy.DisableCertificateDownloads);
        Assert.Equal(X509RevocationMode.NoCheck, policy.RevocationMode);
        Assert.Equal(X509ChainTrustMode.CustomRootTrust, policy.TrustMode);
    }

    /// <summary>Its read completes when the test says so, from a thread of its own, as a
    /// socket thread completes a read.</summary>
    sealed class ForeignThreadStream : MemoryStream
    {
        public TaskCompletionSource<int> Pending { get; } = new();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct) =>
            new(Pending.Task);
    }

    [Fact]
    public async Task A_tls_connection_continues_its_reads_on_the_pool()
    {
        var inner = new ForeignThreadStream();
        await using var stream = new PoolReadStream(inner);

        var continuedOnPool = stream.ReadAsync(new byte[1]).AsTask().ContinueWith(
            _ => Thread.CurrentThread.IsThreadPoolThread, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var socketThread = new Thread(() => inner.Pending.SetResult(1));
        socketThread.Start();
        socketThread.Join();

        Assert.True(await continuedOnPool);
    }
}
