namespace Redirector.Failover;

/// <summary>A target of issue 6 and whether a figure met it; "n/a" when nothing was measured.</summary>
sealed record Verdict(string Target, bool? Met)
{
    public static Verdict AtMost(double value, double limit, string target) =>
        new(target, double.IsNaN(value) ? null : value <= limit);

    public static Verdict AtLeast(double value, double limit, string target) =>
        new(target, double.IsNaN(value) ? null : value >= limit);

    /// <summary>A target set for the Native AOT binary (what operators install); the JIT
    /// build's figure is printed without a verdict.</summary>
    public static Verdict AotAtMost(ShellBinary shell, double value, double limit, string target) =>
        shell.IsDll ? None : AtMost(value, limit, $"{target} (AOT)");

    public static readonly Verdict None = new("", null);

    public string Mark => Target.Length == 0 ? "" : Met switch
    {
        true => "met",
        false => "MISSED",
        null => "n/a",
    };
}
