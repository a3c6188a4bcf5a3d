namespace Redirector.Failover;

/// <summary>One printed figure: which build produced it, which scenario, and against what.</summary>
sealed record Row(string Build, string Scenario, string Metric, string Figure, Verdict Verdict);
