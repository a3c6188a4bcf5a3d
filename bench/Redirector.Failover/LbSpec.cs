using System.Globalization;

namespace Redirector.Failover;

/// <summary>One LB file as the benchmark writes it, in the original's format plus rise/fall,
/// and the watch keys when a scenario sets them (None: the daemon's defaults).</summary>
sealed record LbSpec(
    string Name, IReadOnlyList<string> Backends, int Port, Protocol Protocol,
    double PeriodSeconds = 1, double TimeoutSeconds = 1, string Strategy = "sequential",
    int Fall = 1, bool? Watch = null, double? FastIntervalSeconds = null)
{
    public string HostName => $"{Name}.bench.internal";

    /// <summary>fast_interval as the daemon applies it: as written, else min(period / 4, 0.25).
    /// </summary>
    public double FastInterval => FastIntervalSeconds ?? Math.Min(PeriodSeconds / 4, 0.25);

    public string Yaml()
    {
        var lines = new List<string>
        {
            $"name: {Name}",
            $"local_host: {HostName}",
            "backend_hosts:",
        };
        lines.AddRange(Backends.Select(b => $"  - {b}"));
        lines.Add($"strategy: {Strategy}");
        lines.Add("healthcheck:");
        lines.Add($"  type: {(Protocol == Protocol.Tcp ? "tcp" : "http")}");
        lines.Add($"  period: {S(PeriodSeconds)}");
        lines.Add("  rise: 1");
        lines.Add($"  fall: {Fall}");
        if (Watch is { } watch) lines.Add($"  watch: {(watch ? "true" : "false")}");
        if (FastIntervalSeconds is { } fast) lines.Add($"  fast_interval: {S(fast)}");
        lines.Add("  config:");
        lines.Add($"    port: {Port}");
        lines.Add($"    timeout: {S(TimeoutSeconds)}");
        if (Protocol == Protocol.Http) lines.Add("    path: /health");
        return string.Join('\n', lines) + "\n";
    }

    static string S(double value) => value.ToString(CultureInfo.InvariantCulture);
}
