using LanguageExt;

namespace Redirector.Domain.Config;

/// <summary>Everything the daemon runs from: the main config and its LBs keyed by name
/// (a sorted Map, so the hosts block is ordered by LB name).</summary>
public sealed record Configuration(MainConfig Main, Map<string, LbConfig> Lbs);
