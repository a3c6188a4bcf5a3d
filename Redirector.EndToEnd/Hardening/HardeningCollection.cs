namespace Redirector.EndToEnd.Hardening;

/// <summary>The long hardening tests run one at a time, after the parallel ones: their
/// timing-sensitive loops (kills, flapping) would otherwise compete for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HardeningCollection
{
    public const string Name = "Hardening";
}
