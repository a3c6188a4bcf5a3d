namespace Redirector.EndToEnd.Hardening;

/// <summary>Hardening tests that run one at a time, after the parallel ones: their loops
/// (kills that start a daemon every second, racing writers) are timing-sensitive or would
/// compete with the parallel tests for two cores. The soak and write-failure tests are not
/// among them (see <see cref="SoakTests"/>, <see cref="WriteFailureTests"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HardeningCollection
{
    public const string Name = "Hardening";
}
