using System.Diagnostics;
using System.Net;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Shell.Probes;

/// <summary>One health check of one backend. Never throws: a scheduler loop that met an
/// exception would stop probing its backend for good (the original's fault 3), so every
/// failure, expected or not, becomes a failed result with a short reason.</summary>
public static class Probe
{
    public static async Task<ProbeResult> RunAsync(
        HealthCheck check, string host, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        IPAddress? attempted = null;
        void OnAttempt(IPAddress address) => attempted = address;
        try
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bounded.CancelAfter(check.Timeout);
            try
            {
                var (address, detail) = check switch
                {
                    HealthCheck.Tcp tcp =>
                        (await TcpProbe.RunAsync(tcp, host, OnAttempt, bounded.Token), "connected"),
                    HealthCheck.Http http =>
                        await HttpProbe.RunAsync(http, host, OnAttempt, bounded.Token),
                    _ => throw new ProbeFailure($"unknown check type {check.GetType().Name}"),
                };
                return new ProbeResult(true, detail, clock.Elapsed, Literal(address));
            }
            catch (Exception) when (bounded.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // No address tried yet: the only wait before the first one is the resolution.
                var resolving = attempted is null && Connector.Literal(host) is null;
                return Failed(resolving
                    ? FailureReason.DnsTimedOut(check.Timeout)
                    : FailureReason.TimedOut(check.Timeout), clock, attempted);
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            return Failed("cancelled", clock, attempted);
        }
        catch (Exception e)
        {
            return Failed(FailureReason.Of(e), clock, attempted);
        }
    }

    static ProbeResult Failed(string reason, Stopwatch clock, IPAddress? attempted) =>
        new(false, reason, clock.Elapsed, attempted is null ? None : Literal(attempted));

    /// <summary>Unwraps IPv4 mapped in IPv6: the form resolvers expect in a hosts file.</summary>
    static Option<IpLiteral> Literal(IPAddress address) =>
        IpLiteral.TryParse((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
}
