namespace Redirector.Failover;

/// <summary>Targets for failover times, from the period and the probe timeout.</summary>
static class Targets
{
    public static Verdict Failover(Summary s, double period)
    {
        var (median, max) = (period * 500 + 30, period * 1000 + 60);
        var target = $"median <= {median:0} ms, max <= {max:0} ms";
        return double.IsNaN(s.Median) ? new Verdict(target, null)
            : new Verdict(target, s.Median <= median && s.Max <= max);
    }

    public static Verdict Blackhole(Summary s, double period, double timeout)
    {
        var max = (period + timeout) * 1000 + 60;
        return Verdict.AtMost(s.Max, max, $"max <= {max:0} ms");
    }
}
