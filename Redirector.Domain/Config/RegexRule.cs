using System.Text.RegularExpressions;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Checks that a pattern compiles, so a bad <c>expected_status</c> or
/// <c>expected_response</c> fails at load time rather than crashing a check later.</summary>
static class RegexRule
{
    public static Validation<ConfigError, string> Read(Field f) =>
        f.Text().Bind(pattern => Problem(pattern) is { } problem
            ? f.Fail<string>($"'{Field.Shown(pattern)}' is not a valid regular expression: " +
                             problem)
            : Success<ConfigError, string>(pattern));

    static string? Problem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (RegexParseException e)
        {
            var why = YamlText.OneLine(e.Message);
            var cut = why.IndexOf($"at offset {e.Offset}. ", StringComparison.Ordinal);
            var reason = cut < 0 ? why : why[(cut + $"at offset {e.Offset}. ".Length)..];
            return $"{reason} (at offset {e.Offset})";
        }
        catch (ArgumentException e)
        {
            return YamlText.OneLine(e.Message);
        }
    }
}
