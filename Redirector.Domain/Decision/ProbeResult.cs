using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>What one probe of one backend observed. Address is the address that was probed
/// (after resolving a host name), so the address written is the one that answered.</summary>
public sealed record ProbeResult(bool Ok, string Reason, TimeSpan Duration, Option<IpLiteral> Address);
