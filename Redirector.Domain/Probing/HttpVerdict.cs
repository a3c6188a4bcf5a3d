using System.Globalization;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Probing;

/// <summary>Whether a received HTTP response passes its check, as the original judged it: the
/// status code against expected_status from its start (<c>re.match</c>), then the body against
/// expected_response anywhere (<c>re.search</c>). Each gives the failure, or None when the
/// response passes; an expected failure is a value, never an exception, so a caller that
/// stopped waiting leaves nothing unobserved behind.</summary>
public static class HttpVerdict
{
    /// <summary>What an up result says of a response that passed.</summary>
    public static string Passed(int status) =>
        "status " + status.ToString(CultureInfo.InvariantCulture);

    public static Option<Failure> OfStatus(HealthCheck.Http check, int status)
    {
        var seen = Passed(status);
        var pattern = check.ExpectedStatus;
        return pattern.MatchAtStart(status.ToString(CultureInfo.InvariantCulture)) switch
        {
            MatchOutcome.Found => None,
            MatchOutcome.NotFound when pattern.Equals(HealthCheck.Http.DefaultExpectedStatus) =>
                Some(new Failure(FailureKind.Status, seen)),
            MatchOutcome.NotFound =>
                Some(new Failure(FailureKind.Status, $"{seen} did not match '{pattern}'")),
            _ => Some(new Failure(FailureKind.Status, $"{seen}: " + TookTooLong(pattern))),
        };
    }

    public static Option<Failure> OfBody(
        HealthCheck.Http check, PythonRegex pattern, ReceivedBody body) =>
        pattern.Search(body.Text) switch
        {
            MatchOutcome.Found => None,
            // The reader stops at max_body_bytes: a full read may have cut off the match.
            MatchOutcome.NotFound when body.Bytes == check.MaxBodyBytes =>
                Some(new Failure(FailureKind.Body, $"body did not match '{pattern}' in its " +
                                                   $"first {body.Bytes} bytes (max_body_bytes)")),
            MatchOutcome.NotFound =>
                Some(new Failure(FailureKind.Body, $"body did not match '{pattern}'")),
            _ => Some(new Failure(FailureKind.Body, "body: " + TookTooLong(pattern))),
        };

    static string TookTooLong(PythonRegex pattern) =>
        $"regex '{pattern}' took longer than {Failure.Seconds(PythonRegex.MatchTimeout)} " +
        "(match timeout)";
}
