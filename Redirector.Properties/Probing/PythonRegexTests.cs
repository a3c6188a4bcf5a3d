using Redirector.Domain.Probing;

namespace Redirector.Properties.Probing;

/// <summary>A check pattern is compiled once, when it is read, with a bound on every match;
/// one that does not compile is refused in our words, not the regex engine's.</summary>
public class PythonRegexTests
{
    [Theory]
    [MemberData(nameof(PythonRegexTable.Rows), MemberType = typeof(PythonRegexTable))]
    public void Search_and_match_at_start_answer_as_Python_does(
        string pattern, string text, bool search, bool match)
    {
        var regex = Some.Pattern(pattern);
        Assert.Equal(
            (search ? MatchOutcome.Found : MatchOutcome.NotFound,
                match ? MatchOutcome.Found : MatchOutcome.NotFound),
            (regex.Search(text), regex.MatchAtStart(text)));
    }

    [Fact]
    public void Every_pattern_has_the_match_timeout() =>
        Assert.Equal(PythonRegex.MatchTimeout, Some.Pattern("(a+)+b").Regex.MatchTimeout);

    [Fact]
    public void A_match_that_backtracks_too_long_is_an_outcome_not_an_exception() =>
        Assert.Equal(MatchOutcome.TimedOut,
            Some.Pattern("(a|aa)+$").Search(new string('a', 40) + "!"));

    [Fact]
    public void Patterns_are_equal_when_written_alike()
    {
        Assert.Equal(Some.Pattern("(?P<a>x)"), Some.Pattern("(?P<a>x)"));
        Assert.Equal(Some.Pattern("2..").GetHashCode(), Some.Pattern("2..").GetHashCode());
        Assert.NotEqual(Some.Pattern("(?P<a>x)"), Some.Pattern("(?<a>x)"));
    }

    [Theory]
    [InlineData("(", "a ( is not closed (at offset 1)")]
    [InlineData("a)", "a ) closes nothing (at offset 2)")]
    [InlineData("[a-", "a [ is not closed (at offset 3)")]
    [InlineData("*a", "a *, + or ? repeats nothing (at offset 1)")]
    [InlineData("a**", "two repeats in a row (e.g. a**) (at offset 3)")]
    [InlineData("[z-a]", "a range in [] runs backwards (at offset 4)")]
    [InlineData("a{3,2}", "a {m,n} with m greater than n (at offset 6)")]
    [InlineData(@"\", @"it ends with a lone \ (at offset 1)")]
    [InlineData(@"\k<nope>", "a reference to a group that does not exist (at offset 8)")]
    [InlineData(@"\p{Nope}", "unrecognized unicode property (at offset 8)")]
    [InlineData("(?'x", "an unknown (? group (at offset 4)")]
    // Translated: the offset would count in a text the user did not write.
    [InlineData("(?P<a>(", "a ( is not closed")]
    public void A_pattern_that_does_not_compile_is_refused_in_our_words(
        string pattern, string why) =>
        Assert.Equal(why, PythonRegex.Create(pattern).Match(_ => "compiled", w => w));

    [Fact]
    public void An_unknown_escape_is_named_as_such() =>
        Assert.StartsWith(@"an unknown escape after \ (at offset",
            PythonRegex.Create(@"\q").Match(_ => "compiled", w => w));
}
