using System.Globalization;

namespace Redirector.Domain.Decision;

/// <summary>A failed probe: its class, fixed where the failure is met, and the operator's words
/// for it ("refused", "timeout after 2s", "status 503") as logs and the status show them.
/// </summary>
public sealed record Failure(FailureKind Kind, string Detail)
{
    /// <summary>What logs and the status show: the detail, or the class's own word when a
    /// failure was made without one.</summary>
    public string Text => Detail.Length > 0 ? Detail : Kind.ToString().ToLowerInvariant();

    /// <summary>A duration as failure texts give it: "2s", "0.5s", "1.25s".</summary>
    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
