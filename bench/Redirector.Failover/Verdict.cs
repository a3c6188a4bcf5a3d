namespace Redirector.Failover;

/// <summary>A target of issue 6 and whether a figure met it; "n/a" when nothing was measured.</summary>
sealed record Verdict(string Target, bool? Met)
{
    public static Verdict AtMost(double value, double limit, string target) =>
        new(target, double.IsNaN(value) ? null : value <= limit);

    public static Verdict AtLeast(double value, double limit, string target) =>
        new(target, double.IsNaN(value) ? null : value >= limit);

    public static readonly Verdict None = new("", null);

    public string Mark => Target.Length == 0 ? "" : Met switch
    {
        true => "met",
        false => "MISSED",
        null => "n/a",
    };
}
