namespace Redirector.Properties.Decision.World;

/// <summary>The bytes outside the managed block, read line by line (independently of the
/// domain's offsets): every line from the BEGIN marker through the END marker goes.</summary>
public static class OutsideModel
{
    const string Begin = "# BEGIN REDIRECTOR MANAGED BLOCK";
    const string End = "# END REDIRECTOR MANAGED BLOCK";

    public static string Of(string text)
    {
        var kept = new System.Text.StringBuilder();
        var inside = false;
        foreach (var line in Lines(text))
        {
            var content = line.TrimEnd('\n').TrimEnd('\r').Trim(' ', '\t');
            if (!inside && content == Begin) inside = true;
            else if (inside && content == End) inside = false;
            else if (!inside) kept.Append(line);
        }
        return kept.ToString();
    }

    public static bool HasBlock(string text) => Lines(text).Any(l => l.Trim() == Begin);

    /// <summary>Another program's edit inside the block: the first entry points elsewhere.</summary>
    public static string ForeignEntry(string text)
    {
        var lines = Lines(text).ToList();
        var begin = lines.FindIndex(l => l.Trim() == Begin);
        if (begin < 0 || begin + 1 >= lines.Count || !lines[begin + 1].StartsWith("10.0.0."))
            return AppendOutside(text);
        lines[begin + 1] = "10.9.9.9" + lines[begin + 1][lines[begin + 1].IndexOf(' ')..];
        return string.Concat(lines);
    }

    public static string AppendOutside(string text) =>
        text + (text.Length == 0 || text.EndsWith('\n') ? "" : "\n") + "# edited by another program\n";

    /// <summary>Outside text as expected, allowing the newline a block appended to a text
    /// without one adds before itself.</summary>
    public static bool Same(string expected, string actual) =>
        actual == expected || !expected.EndsWith('\n') && (actual == expected + "\n"
                                                           || actual == expected + "\r\n");

    static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        if (start < text.Length) yield return text[start..];
    }
}
