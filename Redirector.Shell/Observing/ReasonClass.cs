using Redirector.Domain.Decision;

namespace Redirector.Shell.Observing;

/// <summary>The metric label of a failure's class: the words the series have always had
/// (a label must have a small, bounded set of values).</summary>
static class ReasonClass
{
    public static string Of(FailureKind kind) => kind switch
    {
        FailureKind.Refused => "refused",
        FailureKind.Timeout => "timeout",
        FailureKind.Dns => "dns",
        FailureKind.Tls => "tls",
        FailureKind.Status => "status",
        FailureKind.Body => "body",
        FailureKind.Reset => "reset",
        FailureKind.Unreachable => "unreachable",
        _ => "other",
    };
}
