using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Config;

public enum OnAllDown { Keep, Remove }

/// <summary>One load balancer, as read from one file of lb_configs_dir. Value equality is what
/// a reload compares to decide whether an LB's state survives.</summary>
public sealed record LbConfig(
    string Name,
    string SourceFile,
    HostName LocalHost,
    Seq<HostName> Aliases,
    Seq<Backend> Backends,
    Strategy Strategy,
    HealthCheck HealthCheck,
    OnAllDown OnAllDown)
{
    /// <summary>Compares what the LB does, not where it was read from.</summary>
    public bool SameDefinition(LbConfig other) => this with { SourceFile = "" } == other with { SourceFile = "" };
}
