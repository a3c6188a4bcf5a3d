using LanguageExt;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>A pass over the YAML event stream, before the node tree is built, for what the tree
/// builder handles badly: absurd nesting (it recurses, and a stack overflow cannot be caught),
/// aliases to no anchor (reported without a position), and parser failures that are not
/// YamlExceptions (some malformed input makes it throw InvalidOperationException).</summary>
static class YamlScan
{
    /// <summary>Deeper nesting than any config needs.</summary>
    public const int MaxDepth = 64;

    public static Option<ConfigError> Problem(string file, string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var depth = 0;
        var anchors = new System.Collections.Generic.HashSet<string>();
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (current is NodeEvent { Anchor.IsEmpty: false } node
                    && current is not AnchorAlias)
                    anchors.Add(node.Anchor.Value);
                switch (current)
                {
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        return At(file, current.Start,
                            $"alias *{alias.Value.Value} refers to no anchor defined before it");
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return At(file, current.Start, $"nested more than {MaxDepth} levels deep");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is not YamlException)
        {
            return Unparsable(file, text, scanner);
        }
        return None;
    }

    /// <summary>The scanner may stand past the end when it gives up; the error then points at
    /// the end of the last line.</summary>
    public static ConfigError Unparsable(string file, string text, Scanner scanner)
    {
        var lines = text.Split('\n');
        var at = scanner.CurrentPosition;
        var (line, column) = at.Line <= lines.Length
            ? ((int)at.Line, (int)at.Column)
            : (lines.Length, lines[^1].Length + 1);
        return new ConfigError(file, line, column, "",
            "YAML syntax error: cannot make sense of the text here " +
            "(an unclosed '[', '{' or quote?)");
    }

    static ConfigError At(string file, Mark at, string message) =>
        new(file, (int)at.Line, (int)at.Column, "", message);
}
