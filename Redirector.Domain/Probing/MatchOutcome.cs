namespace Redirector.Domain.Probing;

/// <summary>What matching a check pattern gave: a match, none, or no answer within
/// <see cref="PythonRegex.MatchTimeout"/>.</summary>
public enum MatchOutcome { Found, NotFound, TimedOut }
