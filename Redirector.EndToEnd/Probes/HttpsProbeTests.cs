using LanguageExt;
using Redirector.Domain.Config;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;

namespace Redirector.EndToEnd.Probes;

public sealed class HttpsProbeTests : IDisposable
{
    readonly TempHostsFile folder = new();
    readonly TestCertificates certificates;
    readonly LoopbackHttpServer server;

    public HttpsProbeTests()
    {
        certificates = new TestCertificates(folder.Folder);
        server = LoopbackHttpServer.Started(HttpReply.Ok("ready"), certificate: certificates.Server);
    }

    public void Dispose()
    {
        server.Dispose();
        certificates.Dispose();
        folder.Dispose();
    }

    // Generous: the first TLS probe loads the system trust store, slow on a busy machine.
    HealthCheck.Http Check() =>
        Some.Http(server.Port, timeoutSeconds: 15) with { Scheme = HttpScheme.Https };

    [Fact]
    public async Task A_certificate_from_an_unknown_authority_is_not_trusted()
    {
        var result = await Probe.RunAsync(Check(), "127.0.0.1", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("TLS: certificate not trusted", result.Reason);
    }

    [Fact]
    public async Task Cacerts_adds_the_authority_as_extra_trust()
    {
        var check = Check() with
        {
            CaCerts = Prelude.Some(certificates.AuthorityPemPath),
            ExpectedResponse = Some.Body("ready"),
        };

        var result = await Probe.RunAsync(check, "127.0.0.1", CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
    }

    [Fact]
    public async Task Insecure_skips_verification()
    {
        var result = await Probe.RunAsync(Check() with { Insecure = true }, "127.0.0.1",
            CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
    }

    [Fact]
    public async Task A_host_header_names_the_tls_server_and_the_certificate_must_match_it()
    {
        var check = Check() with
        {
            CaCerts = Prelude.Some(certificates.AuthorityPemPath),
            Headers = Prelude.Seq1(("Host", "other.example")),
        };

        var result = await Probe.RunAsync(check, "127.0.0.1", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("TLS: certificate name mismatch", result.Reason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_matching_host_header_is_sent_as_the_tls_server_name()
    {
        var check = Check() with
        {
            CaCerts = Prelude.Some(certificates.AuthorityPemPath),
            Headers = Prelude.Seq1(("Host", "localhost")),
        };

        var result = await Probe.RunAsync(check, "127.0.0.1", CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
        var request = Assert.Single(server.Requests);
        Assert.Equal("localhost", request.ServerName);
        Assert.Equal("localhost", request.Header("Host"));
    }

    [Fact]
    public async Task An_unreadable_cacerts_file_is_a_failed_result_naming_it()
    {
        var missing = folder.Beside("missing.pem");
        var result = await Probe.RunAsync(Check() with { CaCerts = Prelude.Some(missing) },
            "127.0.0.1", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.StartsWith($"TLS: cannot read cacerts {missing}", result.Reason);
    }
}
