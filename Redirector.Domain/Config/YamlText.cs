using System.Text.RegularExpressions;
using LanguageExt;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Turns the text of a config file into its YAML node tree, or a positioned error.
/// An empty file (or one holding only comments) has no root.</summary>
static partial class YamlText
{
    public static Validation<ConfigError, Option<YamlNode>> Root(string file, string text)
    {
        // Editors on Windows may save a BOM; the scanner would make it part of the first key.
        text = text.TrimStart('\uFEFF');
        try
        {
            return YamlScan.Problem(file, text)
                .Map(Fail<ConfigError, Option<YamlNode>>)
                .IfNone(() => Load(file, text));
        }
        catch (YamlException e)
        {
            return Fail<ConfigError, Option<YamlNode>>(SyntaxError(file, text, e));
        }
    }

    static Validation<ConfigError, Option<YamlNode>> Load(string file, string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (Exception e) when (e is not YamlException)
        {
            return Fail<ConfigError, Option<YamlNode>>(YamlScan.Unparsable(file, text, scanner));
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            return Fail<ConfigError, Option<YamlNode>>(new ConfigError(
                file, (int)second.Line, (int)second.Column, "",
                "a config file holds one YAML document, this is a second one"));
        }
        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return Success<ConfigError, Option<YamlNode>>(
            root is null || Scalars.IsNull(root) ? None : Some(root));
    }

    static ConfigError SyntaxError(string file, string text, YamlException e)
    {
        var line = (int)e.Start.Line;
        var column = (int)e.Start.Column;
        var message = OneLine(PositionPrefix().Replace(e.Message, ""));
        var tab = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)
            ? FirstLeadingTab(text) ?? LeadingTab(text, line)
            : LeadingTab(text, line);
        if (tab is not null)
            (line, column, message) = (tab.Value.Line, tab.Value.Column,
                "tab in indentation; YAML indents with spaces only");
        return new ConfigError(file, line, column, "", $"YAML syntax error: {message}");
    }

    /// <summary>The column of a tab in the indentation of the given line (or a neighbour,
    /// where the scanner often notices it), if any.</summary>
    static (int Line, int Column)? LeadingTab(string text, int line, bool neighbours = true)
    {
        var lines = text.Split('\n');
        foreach (var n in neighbours ? new[] { line, line + 1, line - 1 } : [line])
        {
            if (n < 1 || n > lines.Length) continue;
            var indent = lines[n - 1].TakeWhile(c => c is ' ' or '\t').ToArray();
            var tab = System.Array.IndexOf(indent, '\t');
            if (tab >= 0 && indent.Length < lines[n - 1].TrimEnd('\r').Length) return (n, tab + 1);
        }
        return null;
    }

    static (int Line, int Column)? FirstLeadingTab(string text) =>
        Enumerable.Range(1, text.Split('\n').Length)
            .Select(n => LeadingTab(text, n, neighbours: false))
            .FirstOrDefault(t => t is not null);

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
