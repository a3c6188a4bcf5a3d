using LanguageExt;
using Redirector.Domain.Probing;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads <c>expected_status</c> and <c>expected_response</c> into compiled patterns,
/// so a bad one fails at load time, in our words and with its place in the file, rather than
/// in every probe later.</summary>
static class RegexRule
{
    public static Validation<ConfigError, PythonRegex> Read(Field f) =>
        f.Text().Bind(source => PythonRegex.Create(source).Match(
            Right: Success<ConfigError, PythonRegex>,
            Left: why => f.Fail<PythonRegex>(
                $"'{Field.Shown(source)}' is not a valid regular expression: {why}")));
}
