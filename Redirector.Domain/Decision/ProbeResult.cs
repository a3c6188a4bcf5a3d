using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>What one probe of one backend observed. Address is the address that was probed
/// (after resolving a host name), so the address written is the one that answered.</summary>
public sealed record ProbeResult(bool Ok, string Reason, TimeSpan Duration, Option<IpLiteral> Address);

/// <summary>Identifies a backend: the LB's name and the backend's index in its list.</summary>
public sealed record BackendKey(string Lb, int Index);

/// <summary>A probe result for one backend.</summary>
public sealed record Observation(BackendKey Backend, ProbeResult Result);
