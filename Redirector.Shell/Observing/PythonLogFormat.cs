using System.Text;
using System.Text.RegularExpressions;

namespace Redirector.Shell.Observing;

/// <summary>Translates a Python logging format (<c>%(asctime)s :: %(levelname)s :: %(message)s</c>)
/// into a Serilog output template. Widths and '-' alignment are kept; unknown tokens stay as
/// literal text so a typo shows in the log instead of failing startup.</summary>
public static partial class PythonLogFormat
{
    [GeneratedRegex(
        @"%\((?<name>\w+)\)(?<flags>[-+ 0#]*)(?<width>\d*)(?:\.\d+)?(?<type>[sdfr])|%%")]
    private static partial Regex Token();

    [GeneratedRegex(
        @"^\s*%\(asctime\)[-\d.]*s[^%\w]*|[^%\w]*%\(asctime\)[-\d.]*s\s*$|%\(asctime\)[-\d.]*s")]
    private static partial Regex AscTime();

    /// <summary>Journald stamps every line itself; a second timestamp only adds noise.</summary>
    public static string WithoutTime(string format)
    {
        var stripped = AscTime().Replace(format, "", 1);
        return stripped.Trim().Length == 0 ? "%(message)s" : stripped;
    }

    public static string ToTemplate(string format)
    {
        var template = new StringBuilder();
        var at = 0;
        foreach (Match token in Token().Matches(format))
        {
            template.Append(Escape(format[at..token.Index]));
            template.Append(token.Value == "%%" ? "%" : Translate(token));
            at = token.Index + token.Length;
        }
        template.Append(Escape(format[at..]));
        return template.ToString();
    }

    static string Translate(Match token)
    {
        var property = token.Groups["name"].Value switch
        {
            "asctime" => "Timestamp:yyyy-MM-dd HH:mm:ss,fff",
            "created" => "Timestamp:o",
            "message" => "Message:lj",
            "levelname" => PythonNamesEnricher.LevelName,
            "levelno" => PythonNamesEnricher.LevelNumber,
            "name" => PythonNamesEnricher.Name,
            "process" => PythonNamesEnricher.Process,
            _ => null,
        };
        if (property is null) return Escape(token.Value);
        var width = token.Groups["width"].Value;
        if (width.Length == 0) return "{" + property + "}";
        var alignment = token.Groups["flags"].Value.Contains('-') ? "-" + width : width;
        var colon = property.IndexOf(':');
        return colon < 0
            ? "{" + property + "," + alignment + "}"
            : "{" + property[..colon] + "," + alignment + property[colon..] + "}";
    }

    static string Escape(string literal) => literal.Replace("{", "{{").Replace("}", "}}");
}
