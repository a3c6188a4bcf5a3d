namespace Redirector.Domain.Decision;

/// <summary>A probe result for one backend, stamped with the generation of the schedule that
/// probed it (see <see cref="Effect.StartProbing"/>): the core ignores results of schedules it
/// has stopped.</summary>
public sealed record Observation(BackendKey Backend, int Generation, ProbeResult Result);
