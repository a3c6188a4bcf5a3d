namespace Redirector.Failover;

/// <summary>One LB file as the benchmark writes it, in the original's format plus rise/fall.</summary>
sealed record LbSpec(
    string Name, IReadOnlyList<string> Backends, int Port, Protocol Protocol,
    double PeriodSeconds = 1, double TimeoutSeconds = 1, string Strategy = "sequential")
{
    public string HostName => $"{Name}.bench.internal";

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
        lines.Add($"  period: {PeriodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        lines.Add("  rise: 1");
        lines.Add("  fall: 1");
        lines.Add("  config:");
        lines.Add($"    port: {Port}");
        lines.Add($"    timeout: {TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        if (Protocol == Protocol.Http) lines.Add("    path: /health");
        return string.Join('\n', lines) + "\n";
    }
}
