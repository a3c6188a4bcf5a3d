using System.Globalization;
using LanguageExt;
using Redirector.Domain.Hosts;
using YamlDotNet.RepresentationModel;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>One value of a config file, with the dotted path and position that errors about
/// it carry. Its readers turn it into typed values or a positioned error.</summary>
sealed record Field(string File, string Path, YamlNode Node)
{
    public SourcePosition At => new((int)Node.Start.Line, (int)Node.Start.Column);

    public ConfigError Error(string message) => new(File, At.Line, At.Column, Path, message);

    public Validation<ConfigError, T> Fail<T>(string message) =>
        Fail<ConfigError, T>(Error(message));

    public Validation<ConfigError, string> Text() =>
        Node is YamlScalarNode scalar && !Scalars.IsNull(Node)
            ? Success<ConfigError, string>(scalar.Value ?? "")
            : Fail<string>($"expected a text value, got {Scalars.KindOf(Node)}");

    /// <summary>Text that is shown on one line (names, paths): no control characters.</summary>
    public Validation<ConfigError, string> Line() =>
        Text().Bind(text =>
            text.Length == 0 ? Fail<string>("must not be empty")
            : text.Any(char.IsControl)
                ? Fail<string>($"'{Shown(text)}' must not contain control characters or newlines")
                : Success<ConfigError, string>(text));

    public Validation<ConfigError, long> Integer(long min, long max) =>
        Text().Bind(text =>
            !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var value)
                ? Fail<long>($"expected a whole number, got '{Shown(text)}'")
            : value < min || value > max
                ? Fail<long>(Range(value.ToString(CultureInfo.InvariantCulture), min, max))
                : Success<ConfigError, long>(value));

    public Validation<ConfigError, int> Int(int min, int max) =>
        Integer(min, max).Map(v => (int)v);

    public Validation<ConfigError, int> Port() =>
        Text().Bind(text =>
            long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var value) && value is >= 1 and <= 65535
                ? Success<ConfigError, int>((int)value)
                : Fail<int>($"{Shown(text)} is not a port (1-65535)"));

    /// <summary>A finite decimal number at least <paramref name="min"/>.</summary>
    public Validation<ConfigError, double> Number(double min) =>
        Text().Bind(text =>
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value)
                ? Fail<double>($"expected a number, got '{Shown(text)}'")
            : value < min
                ? Fail<double>($"must be at least {min.ToString(CultureInfo.InvariantCulture)}, " +
                               $"got {Shown(text)}")
                : Success<ConfigError, double>(value));

    /// <summary>Seconds, more than 0 and at most a day (beyond it a probe schedule means
    /// nothing, and TimeSpan arithmetic would overflow long before that matters).</summary>
    public Validation<ConfigError, TimeSpan> Seconds() =>
        Text().Bind(text =>
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value)
                ? Fail<TimeSpan>($"expected a number of seconds, got '{Shown(text)}'")
            : value <= 0 || value > 86400
                ? Fail<TimeSpan>($"{Shown(text)} is not a duration (more than 0, " +
                                 "at most 86400 seconds)")
                : Success<ConfigError, TimeSpan>(
                    TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerSecond))));

    public Validation<ConfigError, bool> Flag() =>
        Text().Bind(text => Scalars.Bool(text) is { } value
            ? Success<ConfigError, bool>(value)
            : Fail<bool>($"expected true or false, got '{Shown(text)}'"));

    /// <summary>One of a fixed set of words, compared without case.</summary>
    public Validation<ConfigError, T> OneOf<T>(
        string what, params (string Word, T Value)[] choices) =>
        Text().Bind(text =>
            choices.Where(c => string.Equals(c.Word, text, StringComparison.OrdinalIgnoreCase))
                .Select(c => Success<ConfigError, T>(c.Value))
                .DefaultIfEmpty(Fail<T>($"'{Shown(text)}' is not {what} " +
                    $"({string.Join(", ", choices.Select(c => c.Word))})"))
                .First());

    public Validation<ConfigError, Section> Mapping() =>
        Node is YamlMappingNode map
            ? Success<ConfigError, Section>(new Section(File, Path, map))
            : Fail<Section>($"expected a mapping (key: value lines), got {Scalars.KindOf(Node)}");

    public Validation<ConfigError, Seq<Field>> List() =>
        Node is YamlSequenceNode list
            ? Success<ConfigError, Seq<Field>>(
                toSeq(list.Children.Select((n, i) => new Field(File, $"{Path}[{i}]", n))))
            : Fail<Seq<Field>>($"expected a list, got {Scalars.KindOf(Node)}");

    static string Range(string value, long min, long max) =>
        max == long.MaxValue || max == int.MaxValue
            ? $"must be at least {min}, got {value}"
            : $"must be between {min} and {max}, got {value}";

    internal static string Shown(string text) =>
        HostName.Shown(text.Length > 80 ? text[..77] + "..." : text);
}
