using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Redirector.Domain.Config;

/// <summary>YAML 1.1 scalar conventions the original's PyYAML applied, so its files mean the
/// same here.</summary>
static class Scalars
{
    static readonly HashSet<string> NullWords = ["", "~", "null", "Null", "NULL"];
    static readonly HashSet<string> TrueWords = ["true", "yes", "on", "y"];
    static readonly HashSet<string> FalseWords = ["false", "no", "off", "n"];

    /// <summary>A plain <c>null</c>, <c>~</c> or nothing at all; a quoted "null" is text.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } s
        && NullWords.Contains(s.Value ?? "");

    public static bool? Bool(string text)
    {
        var lower = text.ToLowerInvariant();
        return TrueWords.Contains(lower) ? true : FalseWords.Contains(lower) ? false : null;
    }

    public static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        _ => "a value",
    };
}
