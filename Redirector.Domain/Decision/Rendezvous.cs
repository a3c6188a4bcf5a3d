using System.IO.Hashing;
using System.Text;

namespace Redirector.Domain.Decision;

/// <summary>Rendezvous (highest random weight) hashing. The weight of a (node, backend) pair is
/// XxHash64 (seed 0) of the UTF-8 bytes of node, a NUL, and backend: stable across processes,
/// machines and versions, unlike string.GetHashCode.</summary>
public static class Rendezvous
{
    public static ulong Weight(string node, string backend)
    {
        var bytes = Encoding.UTF8.GetBytes(node + "\0" + backend);
        return XxHash64.HashToUInt64(bytes);
    }

    /// <summary>The index of the highest weight among those allowed; ties go to the lower
    /// index.</summary>
    public static int Winner(IReadOnlyList<ulong> weights, Func<int, bool> allowed)
    {
        var best = -1;
        for (var i = 0; i < weights.Count; i++)
            if (allowed(i) && (best < 0 || weights[i] > weights[best]))
                best = i;
        return best;
    }
}
