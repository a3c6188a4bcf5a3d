using System.Text.RegularExpressions;
using Redirector.Domain.Config;

namespace Redirector.Shell.Probes;

/// <summary>Whether an HTTP response passes its check: the status regex (anchored), the body
/// regex searched in the first max_body_bytes. CPU work that the probe runs off the socket
/// threads (<see cref="VerdictWork"/>). Each returns the failure reason, or null, and never
/// throws, so a caller that stopped waiting leaves nothing unobserved behind.</summary>
static class HttpVerdict
{
    public static string? Status(HealthCheck.Http check, string status)
    {
        try
        {
            if (PatternCache.Status(check.ExpectedStatus).IsMatch(status)) return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return $"status {status}: " + TookTooLong(check.ExpectedStatus);
        }
        catch (ProbeFailure f)
        {
            return f.Message;
        }
        return check.ExpectedStatus == HealthCheck.Http.DefaultExpectedStatus
            ? $"status {status}"
            : $"status {status} did not match '{check.ExpectedStatus}'";
    }

    public static string? Body(HealthCheck.Http check, string pattern, ArraySegment<byte> body)
    {
        try
        {
            var text = BodyEncodings.Get(check.ExpectedResponseEncoding).GetString(body);
            if (PatternCache.Body(pattern).IsMatch(text)) return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return "body: " + TookTooLong(pattern);
        }
        catch (ProbeFailure f)
        {
            return f.Message;
        }
        return body.Count == check.MaxBodyBytes
            ? $"body did not match '{pattern}' in its first {body.Count} bytes (max_body_bytes)"
            : $"body did not match '{pattern}'";
    }

    static string TookTooLong(string pattern) =>
        $"regex '{pattern}' took longer than {FailureReason.Seconds(PatternCache.MatchTimeout)} " +
        "(match timeout)";
}
