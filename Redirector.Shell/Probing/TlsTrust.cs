using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Shell.Probing;

/// <summary>Certificate checks of an HTTPS probe: the system's trust, plus the check's
/// <c>cacerts</c> bundle as extra roots, or nothing at all with <c>insecure</c>. A refusal is
/// reported through <c>onProblem</c>, since the handshake exception does not say why.</summary>
static class TlsTrust
{
    static readonly
        ConcurrentDictionary<string, (DateTime Written, X509Certificate2Collection Certs)>
        Bundles = new();

    public static SslClientAuthenticationOptions Options(
        HealthCheck.Http check, Action<string> onProblem) => new()
    {
        CertificateChainPolicy = OfflinePolicy(),
        RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            var problem = Problem(check, certificate, chain, errors);
            if (problem is not null) onProblem(problem);
            return problem is null;
        },
    };

    /// <summary>Chains are built from what the backend sent and the local stores only: an AIA
    /// download of a missing intermediate or a revocation lookup would be a network fetch
    /// inside the handshake, with timeouts of its own far beyond the probe's. A new policy per
    /// probe: the handshake may add to the one it is given.</summary>
    internal static X509ChainPolicy OfflinePolicy() => new()
    {
        RevocationMode = X509RevocationMode.NoCheck,
        DisableCertificateDownloads = true,
    };

    /// <summary>The cacerts bundle as the only roots, otherwise <see cref="OfflinePolicy"/>.
    /// </summary>
    internal static X509ChainPolicy BundlePolicy(X509Certificate2Collection roots)
    {
        var policy = OfflinePolicy();
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots);
        policy.ExtraStore.AddRange(roots);
        return policy;
    }

    static string? Problem(HealthCheck.Http check, X509Certificate? certificate, X509Chain? chain,
        SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None || check.Insecure) return null;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return "TLS: no certificate";
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var untrusted = "TLS: certificate not trusted";
            foreach (var path in check.CaCerts) untrusted = TrustedBy(path, certificate, chain);
            if (untrusted is not null) return untrusted;
        }
        return errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            ? "TLS: certificate name mismatch"
            : null;
    }

    static string? TrustedBy(string bundlePath, X509Certificate certificate, X509Chain? sent)
    {
        X509Certificate2Collection roots;
        try
        {
            roots = Load(bundlePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
                                      or System.Security.Cryptography.CryptographicException)
        {
            var why = e is System.Security.Cryptography.CryptographicException
                ? "not a PEM certificate bundle"
                : Errors.Describe(e);
            return $"TLS: cannot read cacerts {bundlePath}: {why}";
        }
        using var chain = new X509Chain { ChainPolicy = BundlePolicy(roots) };
        if (sent is not null)
            foreach (var element in sent.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf) ? null : $"TLS: certificate not trusted (nor by {bundlePath})";
    }

    /// <summary>Re-read only when the bundle file changes.</summary>
    static X509Certificate2Collection Load(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        if (Bundles.TryGetValue(path, out var cached) && cached.Written == written)
            return cached.Certs;
        var certs = new X509Certificate2Collection();
        certs.ImportFromPemFile(path);
        if (certs.Count == 0) throw new IOException("no PEM certificate in the file");
        Bundles[path] = (written, certs);
        return certs;
    }
}
