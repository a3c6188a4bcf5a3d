namespace Redirector.Shell.Observability;

/// <summary>Folds a probe's free-text failure reason into a few fixed words, because a metric
/// label must have a small, bounded set of values ("timeout after 2s" and "timeout after 5s"
/// are one series, not two).</summary>
static class ReasonClass
{
    public static readonly string[] All =
        ["refused", "timeout", "dns", "tls", "status", "body", "reset", "unreachable", "other"];

    public static string Of(string reason) => reason switch
    {
        _ when reason.StartsWith("refused", StringComparison.Ordinal) => "refused",
        _ when reason.StartsWith("timeout", StringComparison.Ordinal) => "timeout",
        _ when reason.StartsWith("DNS", StringComparison.Ordinal) => "dns",
        _ when reason.StartsWith("TLS", StringComparison.Ordinal) => "tls",
        _ when reason.StartsWith("status", StringComparison.Ordinal) => "status",
        _ when reason.StartsWith("body", StringComparison.Ordinal) => "body",
        _ when reason.Contains("reset", StringComparison.Ordinal)
               || reason.Contains("closed", StringComparison.Ordinal) => "reset",
        _ when reason.Contains("unreachable", StringComparison.Ordinal) => "unreachable",
        _ => "other",
    };
}
