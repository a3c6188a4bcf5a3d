namespace Redirector.Domain.Decision;

/// <summary>Exponentially weighted moving average of successful probe durations, used by the
/// latency strategy. Alpha 0.3: a new sample counts for 30%, so one slow probe moves the
/// average a little while a lasting slowdown shows within about five probes.</summary>
public static class Ewma
{
    public const double Alpha = 0.3;

    public static double Next(double? previous, double sample) =>
        previous is { } p ? p + Alpha * (sample - p) : sample;
}
