using LanguageExt;
using YamlDotNet.RepresentationModel;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>A YAML mapping being read: looks keys up, reports missing required ones at the
/// mapping, and warns about keys nobody reads.</summary>
sealed record Section(string File, string Path, YamlMappingNode Node)
{
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The value under <paramref name="key"/>; a null value counts as absent, as the
    /// original's <c>#query: null</c> defaults show.</summary>
    public Option<Field> Get(string key) =>
        Node.Children
            .Where(kv => kv.Key is YamlScalarNode { Value: var k } && k == key
                         && !Scalars.IsNull(kv.Value))
            .Select(kv => new Field(File, PathOf(key), kv.Value))
            .HeadOrNone();

    public Validation<ConfigError, T> Required<T>(
        string key, Func<Field, Validation<ConfigError, T>> read) =>
        Get(key).Match(read, () => Fail<ConfigError, T>(Missing(key)));

    public Validation<ConfigError, T> Optional<T>(
        string key, T fallback, Func<Field, Validation<ConfigError, T>> read) =>
        Get(key).Match(read, () => Success<ConfigError, T>(fallback));

    public Validation<ConfigError, Option<T>> Maybe<T>(
        string key, Func<Field, Validation<ConfigError, T>> read) =>
        Get(key).Match(f => read(f).Map(Some), () => Success<ConfigError, Option<T>>(None));

    public ConfigError Missing(string key) =>
        new(File, (int)Node.Start.Line, (int)Node.Start.Column, PathOf(key), "is required");

    /// <summary>Warnings for keys outside <paramref name="known"/>, naming the closest known key.
    /// <paramref name="elsewhere"/> explains keys that belong to another kind of section.</summary>
    public Seq<ConfigError> UnknownKeys(
        Seq<string> known, Func<string, string?>? elsewhere = null) =>
        toSeq(Node.Children.Keys.Select(key => (key, name: (key as YamlScalarNode)?.Value ?? ""))
            .Where(k => !known.Contains(k.name))
            .Select(k => new ConfigError(File, (int)k.key.Start.Line, (int)k.key.Start.Column,
                PathOf(k.name),
                elsewhere?.Invoke(k.name) ?? KeySuggestion.Message(k.name, known))));
}
