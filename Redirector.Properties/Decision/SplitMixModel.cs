using System.Numerics;

namespace Redirector.Properties.Decision;

/// <summary>SplitMix64 as Steele, Lea and Flood give it, in arbitrary-precision arithmetic
/// reduced mod 2^64 (so it shares no code path with the domain's ulong version), and the
/// multiply-shift map onto [0, n).</summary>
public static class SplitMixModel
{
    static readonly BigInteger Mod = BigInteger.One << 64;

    static BigInteger Mix(BigInteger z, int shift, BigInteger multiplier) =>
        ((z ^ (z >> shift)) * multiplier) % Mod;

    public static (ulong Value, ulong State) Next(ulong state)
    {
        var s = (new BigInteger(state) + 0x9E3779B97F4A7C15UL) % Mod;
        var z = Mix(s, 30, 0xBF58476D1CE4E5B9UL);
        z = Mix(z, 27, 0x94D049BB133111EBUL);
        return ((ulong)(z ^ (z >> 31)), (ulong)s);
    }

    /// <summary>floor(value * n / 2^64).</summary>
    public static int Below(ulong value, int n) => (int)(new BigInteger(value) * n / Mod);
}
