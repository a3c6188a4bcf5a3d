using System.Diagnostics;
using System.Net;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Shell.Probing;

/// <summary>One health check of one backend. Never throws: a scheduler loop that met an
/// exception would stop probing its backend for good (the original's fault 3), so every
/// failure, expected or not, becomes a down result with a short reason.</summary>
public static class Probe
{
    /// <summary>A probe that the daemon's stop interrupted.</summary>
    public static readonly Failure Cancelled = new(FailureKind.Other, "cancelled");

    /// <summary>An answer whose address cannot be written, from a host that is no literal
    /// either: up without an address is no result the core can use.</summary>
    static readonly Failure NoAddress =
        new(FailureKind.Other, "the probe succeeded but reported no address");

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
                var (address, detail, failure) = check switch
                {
                    HealthCheck.Tcp tcp => (await TcpProbe.RunAsync(
                        tcp, host, OnAttempt, bounded.Token), "connected", None),
                    HealthCheck.Http http =>
                        await HttpProbe.RunAsync(http, host, OnAttempt, bounded.Token),
                    _ => throw new ProbeFailure(FailureKind.Other,
                        $"unknown check type {check.GetType().Name}"),
                };
                return failure.Match(
                    Some: f => Down(f, clock, address),
                    None: () => Up(Literal(address) || IpLiteral.TryParse(host), detail, clock));
            }
            catch (Exception) when (bounded.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // No address tried yet: the only wait before the first one is the resolution.
                var resolving = attempted is null && Connector.Literal(host) is null;
                return Down(resolving
                    ? FailureReason.DnsTimedOut(check.Timeout)
                    : FailureReason.TimedOut(check.Timeout), clock, attempted);
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            return Down(Cancelled, clock, attempted);
        }
        catch (Exception e)
        {
            return Down(FailureReason.Of(e), clock, attempted);
        }
    }

    static ProbeResult Up(Option<IpLiteral> address, string detail, Stopwatch clock) =>
        address.Match<ProbeResult>(
            Some: a => new ProbeResult.Up(a, clock.Elapsed, detail),
            None: () => new ProbeResult.Down(NoAddress, clock.Elapsed));

    static ProbeResult Down(Failure failure, Stopwatch clock, IPAddress? attempted) =>
        new ProbeResult.Down(failure, clock.Elapsed, attempted is null ? None : Literal(attempted));

    /// <summary>Unwraps IPv4 mapped in IPv6: the form resolvers expect in a hosts file.</summary>
    static Option<IpLiteral> Literal(IPAddress address) =>
        IpLiteral.TryParse((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
}
