using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>Everything the core remembers between steps. Shape to be completed with the
/// decision core (per-LB state keyed by LB name).</summary>
public sealed record State(Configuration Config);
