namespace Redirector.Failover;

/// <summary>Median, min and max of repeated samples (milliseconds or any unit).</summary>
sealed record Summary(int Count, double Median, double Min, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0) return new Summary(0, double.NaN, double.NaN, double.NaN);
        var sorted = samples.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Summary(sorted.Length, median, sorted[0], sorted[^1]);
    }
}
