using System.Text.RegularExpressions;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Checks that a pattern compiles, so a bad <c>expected_status</c> or
/// <c>expected_response</c> fails at load time rather than crashing a check later. Patterns
/// were written for Python's <c>re</c>; its named-group spellings are turned into .NET's.</summary>
static partial class RegexRule
{
    public static Validation<ConfigError, string> Read(Field f) =>
        f.Text().Map(FromPython).Bind(pattern => Problem(pattern) is { } problem
            ? f.Fail<string>($"'{Field.Shown(pattern)}' is not a valid regular expression: " +
                             problem)
            : Success<ConfigError, string>(pattern));

    /// <summary><c>(?P&lt;name&gt;...)</c> becomes <c>(?&lt;name&gt;...)</c> and
    /// <c>(?P=name)</c> becomes <c>\k&lt;name&gt;</c>, the spellings that differ most.</summary>
    public static string FromPython(string pattern) =>
        PythonBackReference().Replace(pattern.Replace("(?P<", "(?<"), @"\k<$1>");

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

    [GeneratedRegex(@"\(\?P=(\w+)\)")]
    private static partial Regex PythonBackReference();
}
