namespace Redirector.Domain.Decision;

/// <summary>A strategy's answer: the backend to name, why, and the generator state after it.</summary>
public sealed record Choice(int Index, string Reason, ulong Rng);
