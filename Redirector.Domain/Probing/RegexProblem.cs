using System.Text;
using System.Text.RegularExpressions;

namespace Redirector.Domain.Probing;

/// <summary>Why a pattern does not compile, in our words rather than the regex engine's
/// message (which names .NET's syntax, not the one the user wrote).</summary>
static class RegexProblem
{
    public static string Describe(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => "a ( is not closed",
        RegexParseError.InsufficientOpeningParentheses => "a ) closes nothing",
        RegexParseError.UnterminatedBracket => "a [ is not closed",
        RegexParseError.UnescapedEndingBackslash => "it ends with a lone \\",
        RegexParseError.QuantifierAfterNothing => "a *, + or ? repeats nothing",
        RegexParseError.NestedQuantifiersNotParenthesized => "two repeats in a row (e.g. a**)",
        RegexParseError.ReversedCharacterRange => "a range in [] runs backwards",
        RegexParseError.ReversedQuantifierRange => "a {m,n} with m greater than n",
        RegexParseError.UnrecognizedEscape => "an unknown escape after \\",
        RegexParseError.UndefinedNamedReference or RegexParseError.UndefinedNumberedReference =>
            "a reference to a group that does not exist",
        RegexParseError.InvalidGroupingConstruct => "an unknown (? group",
        _ => Words(error.ToString()),
    };

    /// <summary>"ReversedCharacterRange" as "reversed character range".</summary>
    static string Words(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
