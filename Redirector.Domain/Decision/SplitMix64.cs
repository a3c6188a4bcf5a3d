namespace Redirector.Domain.Decision;

/// <summary>The SplitMix64 generator as a pure function of its state, so the random strategy's
/// choices are reproducible from the seed the shell gave.</summary>
public static class SplitMix64
{
    public static (ulong Value, ulong State) Next(ulong state)
    {
        var s = state + 0x9E3779B97F4A7C15UL;
        var z = s;
        // Stryker disable once Bitwise : >> and >>> are the same operation on a ulong
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        // Stryker disable once Bitwise : >> and >>> are the same operation on a ulong
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        // Stryker disable once Bitwise : >> and >>> are the same operation on a ulong
        return (z ^ (z >> 31), s);
    }

    /// <summary>Maps a 64-bit value onto [0, n) by multiply-shift: no modulo bias worth naming
    /// for the handful of backends an LB has.</summary>
    // Stryker disable once Bitwise : >> and >>> are the same operation on an unsigned UInt128
    public static int Below(ulong value, int n) => (int)(((UInt128)value * (ulong)n) >> 64);
}
