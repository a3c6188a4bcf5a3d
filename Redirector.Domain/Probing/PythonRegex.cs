using System.Text.RegularExpressions;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Probing;

/// <summary>A check pattern as the LB file wrote it, for Python's <c>re</c>, with the compiled
/// .NET regex it means (<see cref="PythonSyntax"/>). Made only by <see cref="Create"/>, at
/// config load, so a probe never meets a pattern that does not compile and never compiles one
/// itself. Two are equal when their written text is: a reload that keeps a pattern keeps the
/// check.</summary>
public sealed class PythonRegex : IEquatable<PythonRegex>
{
    /// <summary>A bound on one match: a pattern that backtracks on a large body fails its probe
    /// at this time instead of holding a CPU. The regex engine keeps this time itself; it is
    /// the one clock a verdict depends on, and only to give up.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    PythonRegex(string source, Regex regex) => (Source, Regex) = (source, regex);

    /// <summary>The pattern as the LB file wrote it: what messages show.</summary>
    public string Source { get; }

    /// <summary>The translated pattern, compiled once and shared by every probe.</summary>
    public Regex Regex { get; }

    /// <summary>The regex, or why the pattern is not one, in our words.</summary>
    public static Either<string, PythonRegex> Create(string source)
    {
        var pattern = PythonSyntax.ToDotNet(source);
        try
        {
            return Right<string, PythonRegex>(new PythonRegex(source,
                new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout)));
        }
        catch (RegexParseException e)
        {
            // The offset counts in the translated text: shown only where that is the user's.
            var at = pattern == source ? $" (at offset {e.Offset})" : "";
            return Left<string, PythonRegex>(RegexProblem.Describe(e.Error) + at);
        }
    }

    /// <summary>Python's <c>re.match</c>: a match that starts at the beginning. The engine
    /// tries start positions in order, so the first match starts at 0 if any does; no anchor
    /// is added to the pattern, where it could land inside a verbose mode comment.</summary>
    public MatchOutcome MatchAtStart(string text) =>
        Run(() => Regex.Match(text) is { Success: true, Index: 0 });

    /// <summary>Python's <c>re.search</c>: a match anywhere.</summary>
    public MatchOutcome Search(string text) => Run(() => Regex.IsMatch(text));

    static MatchOutcome Run(Func<bool> match)
    {
        try
        {
            return match() ? MatchOutcome.Found : MatchOutcome.NotFound;
        }
        catch (RegexMatchTimeoutException)
        {
            return MatchOutcome.TimedOut;
        }
    }

    public bool Equals(PythonRegex? other) => other is not null && other.Source == Source;

    public override bool Equals(object? obj) => Equals(obj as PythonRegex);

    public override int GetHashCode() => Source.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Source;

    /// <summary>For patterns written in this code (the default expected_status).</summary>
    internal static PythonRegex Known(string source) =>
        Create(source).Match(r => r, why => throw new ArgumentException(why, nameof(source)));
}
