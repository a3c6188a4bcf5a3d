namespace Redirector.Properties.Hosts;

/// <summary>Shows generated texts readably in a falsified property's report.</summary>
public static class Shown
{
    const int Limit = 400;

    public static string Text(string text)
    {
        var escaped = string.Concat(text.Take(Limit).Select(c =>
            c == '\n' ? "\\n\n" : c < 0x20 || c is >= '\u007F' and <= '\u00A0' ? $"\\x{(int)c:x2}"
            : c.ToString()));
        return text.Length > Limit ? $"{escaped}... ({text.Length} chars)" : escaped;
    }
}
