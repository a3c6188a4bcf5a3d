using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>A host name that is safe to write into a hosts file: RFC 1123 labels, at most 253
/// characters. It cannot hold whitespace, '#', control characters or line breaks, so an entry
/// built from it can never spill onto a second line.</summary>
public sealed record HostName
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;

    public string Value { get; }

    HostName(string value) => Value = value;

    public static Validation<string, HostName> Create(string? text) =>
        Problem(text) is { } problem
            ? Fail<string, HostName>(problem)
            : Success<string, HostName>(new HostName(text!));

    public static bool IsValid(string? text) => Problem(text) is null;

    static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "a host name cannot be empty";
        if (text.Length > MaxLength)
            return $"a host name has at most {MaxLength} characters, this one has {text.Length}";
        var labels = text.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0) return $"'{Shown(text)}' has an empty label";
            if (label.Length > MaxLabelLength)
                return $"'{Shown(text)}' has a label longer than {MaxLabelLength} characters";
            if (label.Any(c => !IsLabelChar(c)))
                return $"'{Shown(text)}' is not a valid host name " +
                       "(letters, digits, '-' and '.' only)";
            if (label[0] == '-' || label[^1] == '-')
                return $"'{Shown(text)}' has a label that starts or ends with '-'";
        }
        // An all-numeric last label would make the name look like (or be) an address.
        if (labels[^1].All(char.IsAsciiDigit))
            return $"'{Shown(text)}' looks like an address, not a host name";
        return null;
    }

    static bool IsLabelChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    /// <summary>Escapes control characters so an error message stays on one line.</summary>
    internal static string Shown(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));

    public override string ToString() => Value;
}
