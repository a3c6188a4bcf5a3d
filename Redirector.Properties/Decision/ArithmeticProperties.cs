using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>The small arithmetic the strategies stand on, against independent models: the
/// generator, the map onto a backend index, the moving average and the hash weights.</summary>
public class ArithmeticProperties
{
    [Property(MaxTest = 1000)]
    public Property SplitMix64_agrees_with_the_reference(ulong state) =>
        (SplitMix64.Next(state) == SplitMixModel.Next(state)).ToProperty();

    [Fact]
    public void SplitMix64_from_zero_gives_the_published_first_outputs()
    {
        var (a, s1) = SplitMix64.Next(0);
        var (b, _) = SplitMix64.Next(s1);
        Assert.Equal((0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL), (a, b));
    }

    [Property(MaxTest = 1000)]
    public Property Below_agrees_with_the_reference(ulong value, byte n) =>
        (n == 0 || SplitMix64.Below(value, n) == SplitMixModel.Below(value, n)).ToProperty();

    [Theory]
    [InlineData(0UL, 5, 0)]
    [InlineData(ulong.MaxValue, 5, 4)]
    [InlineData(0x8000_0000_0000_0000UL, 2, 1)]
    [InlineData(0x7FFF_FFFF_FFFF_FFFFUL, 2, 0)]
    [InlineData(ulong.MaxValue, 1, 0)]
    public void Below_maps_the_ends_of_the_range_onto_the_ends_of_the_indexes(
        ulong value, int n, int expected) =>
        Assert.Equal(expected, SplitMix64.Below(value, n));

    [Property(MaxTest = 500)]
    public Property Ewma_moves_thirty_percent_of_the_way_to_the_sample() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(),
            (p, s) => Math.Abs(Ewma.Next(p, s) - (0.7 * p + 0.3 * s)) < 1e-9);

    [Fact]
    public void Ewma_starts_at_the_first_sample_and_weighs_a_new_one_by_alpha()
    {
        Assert.Equal(0.3, Ewma.Alpha);
        Assert.Equal(42.5, Ewma.Next(null, 42.5));
        Assert.Equal(13.0, Ewma.Next(10, 20), 9);
    }

    [Property(MaxTest = 300)]
    public Property Weight_is_xxhash64_of_node_nul_backend(string? node, string? backend) =>
        (Rendezvous.Weight(node ?? "", backend ?? "") ==
         StrategyModel.Weight(node ?? "", backend ?? "")).ToProperty();

    [Fact]
    public void Weight_separates_node_and_backend()
    {
        Assert.NotEqual(Rendezvous.Weight("ab", "c"), Rendezvous.Weight("a", "bc"));
    }

    /// <summary>Weights from a small set, so ties are common: the highest allowed wins and
    /// the lower index breaks a tie.</summary>
    [Property(MaxTest = 500)]
    public Property Winner_is_the_first_highest_allowed_weight() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 3).Select(w => (ulong)w)).ToArbitrary(),
            Gen.ArrayOf(Gen.Elements(true, false)).ToArbitrary(),
            (weights, allowedBits) =>
            {
                bool Allowed(int i) => i < allowedBits.Length && allowedBits[i];
                var expected = Enumerable.Range(0, weights.Length).Where(Allowed)
                    .OrderByDescending(i => weights[i]).ThenBy(i => i)
                    .DefaultIfEmpty(-1).First();
                return Rendezvous.Winner(weights, Allowed) == expected;
            });
}
