namespace Redirector.EndToEnd.Support;

/// <summary>Reads the managed block of a hosts text the way a person would, independently of
/// the code under test.</summary>
public static class Block
{
    public const string Begin = "# BEGIN REDIRECTOR MANAGED BLOCK";
    public const string End = "# END REDIRECTOR MANAGED BLOCK";

    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var begin = lines.IndexOf(Begin);
        var end = lines.IndexOf(End);
        return begin < 0 || end < begin ? [] : lines.GetRange(begin + 1, end - begin - 1);
    }

    public static string? EntryFor(string text, string name) =>
        Lines(text).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 1 && f.Skip(1).Contains(name))
            .Select(f => f[0]).FirstOrDefault();

    /// <summary>The text with the block (markers included) cut out.</summary>
    public static string Outside(string text)
    {
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) return text;
        var after = text.IndexOf('\n', end);
        return text[..begin] + (after < 0 ? "" : text[(after + 1)..]);
    }
}
