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
            ? f.List().Bind(items => Items(items).Sequence())
            : f.Mapping().Bind(s => Headers(s).Sequence());

    /// <summary>One list item's headers, or why it has none. Flattened before the one Sequence:
    /// a Validation over a Seq of Seqs makes the Native AOT compiler report its (unused)
    /// equality members as "will always throw".</summary>
    static Seq<Validation<ConfigError, (string, string)>> Items(IEnumerable<Field> items)
    {
        var all = new List<Validation<ConfigError, (string, string)>>();
        foreach (var item in items) all.AddRange(Item(item));
        return toSeq(all.ToArray());
    }

    static Seq<Validation<ConfigError, (string, string)>> Item(Field item) =>
        item.Mapping().Match(
            Succ: Headers,
            Fail: errors => Seq1(Validation<ConfigError, (string, string)>.Fail(errors)));

    static Seq<Validation<ConfigError, (string, string)>> Headers(Section s) =>
        toSeq(s.Node.Children).Map(kv => Header(s, kv));

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
