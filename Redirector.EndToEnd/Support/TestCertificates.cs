using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Redirector.EndToEnd.Support;

/// <summary>A throwaway CA and a server certificate it signed (for localhost, 127.0.0.1 and
/// ::1), valid one day, made in memory; the CA is also written as a PEM bundle for cacerts.</summary>
public sealed class TestCertificates : IDisposable
{
    public X509Certificate2 Authority { get; }
    public X509Certificate2 Server { get; }
    public string AuthorityPemPath { get; }

    public TestCertificates(string folder)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest =
            new CertificateRequest("CN=Redirector Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = caRequest.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(Authority, now.AddMinutes(-30), now.AddHours(12),
            RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);
        // A PKCS#12 round trip gives a key SslStream can use on every platform.
        Server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

        AuthorityPemPath = Path.Combine(folder, "test-ca.pem");
        File.WriteAllText(AuthorityPemPath, Authority.ExportCertificatePem() + "\n");
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}
