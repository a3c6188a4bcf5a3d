using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Probing;

namespace Redirector.EndToEnd.Hardening;

/// <summary>Issue 7, item 5: a backend with a self-signed certificate (no authority at all)
/// fails unless cacerts lists that very certificate or the check says insecure: true.
/// (A certificate of an unknown authority is covered in Probes/HttpsProbeTests.)</summary>
[Trait("Category", "Hardening")]
public sealed class SelfSignedTlsTests : IDisposable
{
    readonly TempHostsFile folder = new();
    readonly X509Certificate2 certificate = SelfSigned();
    readonly LoopbackHttpServer server;
    readonly string pem;

    public SelfSignedTlsTests()
    {
        server = LoopbackHttpServer.Started(HttpReply.Ok("ready"), certificate: certificate);
        pem = folder.Beside("self.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem() + "\n");
    }

    public void Dispose()
    {
        server.Dispose();
        certificate.Dispose();
        folder.Dispose();
    }

    static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddHours(-1), now.AddHours(12));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    // Generous: the first TLS probe loads the system trust store, slow on a busy machine.
    HealthCheck.Http Check() =>
        Some.Http(server.Port, timeoutSeconds: 15) with { Scheme = HttpScheme.Https };

    [Fact]
    public async Task Is_not_trusted_by_default()
    {
        var result = await Probe.RunAsync(Check(), "127.0.0.1", CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("TLS: certificate not trusted", result.Reason);
    }

    [Fact]
    public async Task Is_trusted_when_cacerts_lists_it()
    {
        var check = Check() with { CaCerts = Prelude.Some(pem) };

        var result = await Probe.RunAsync(check, "127.0.0.1", CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
    }

    [Fact]
    public async Task Is_accepted_with_insecure()
    {
        var result = await Probe.RunAsync(Check() with { Insecure = true }, "127.0.0.1",
            CancellationToken.None);

        Assert.True(result.Ok, result.Reason);
    }
}
