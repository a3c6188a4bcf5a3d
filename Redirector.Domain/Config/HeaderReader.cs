using LanguageExt;
using YamlDotNet.RepresentationModel;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads <c>headers</c>: a mapping of names to values, or the original's documented
/// list of one-key mappings (<c>- Host: example.org</c>). Both give the same headers.</summary>
static class HeaderReader
{
    public static Validation<ConfigError, Seq<(string Name, string Value)>> Read(Field f) =>
        f.Node is YamlSequenceNode
            ? f.List().Bind(items => items.Map(Pairs).Sequence().Map(s => s.Flatten()))
            : Pairs(f);

    static Validation<ConfigError, Seq<(string Name, string Value)>> Pairs(Field f) =>
        f.Mapping().Bind(s => toSeq(s.Node.Children).Map(kv => Header(s, kv)).Sequence());

    static Validation<ConfigError, (string, string)> Header(
        Section s, KeyValuePair<YamlNode, YamlNode> kv)
    {
        var nameField = new Field(s.File, s.Path, kv.Key);
        var name = nameField.Text().Bind(n => IsToken(n)
            ? Success<ConfigError, string>(n)
            : nameField.Fail<string>($"'{Field.Shown(n)}' is not a header name " +
                                     "(letters, digits and !#$%&'*+-.^_`|~)"));
        var valueField = new Field(s.File, s.PathOf(name.Match(n => n, _ => "?")), kv.Value);
        var value = valueField.Text().Bind(v => v.Any(c => char.IsControl(c) && c != '\t')
            ? valueField.Fail<string>("a header value must not contain control characters " +
                                      "or newlines")
            : Success<ConfigError, string>(v));
        return (name, value).Apply((n, v) => (n, v));
    }

    /// <summary>RFC 9110 token characters: anything else would corrupt the request.</summary>
    static bool IsToken(string name) =>
        name.Length > 0
        && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
