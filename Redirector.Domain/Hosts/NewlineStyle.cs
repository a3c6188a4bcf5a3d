namespace Redirector.Domain.Hosts;

/// <summary>The line ending a new block is written with, so it matches the file.</summary>
static class NewlineStyle
{
    /// <summary>CRLF when the text's first line ends with CRLF, else LF.</summary>
    public static string Of(string text)
    {
        var lf = text.IndexOf('\n');
        return lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>What ends the text's last line before a block is appended: nothing when it
    /// already ends, CRLF after a lone CR (an LF alone would make that CR the end of a CRLF
    /// line, and a marker-like last line would become a marker), else the file's newline.
    /// </summary>
    public static string Separator(string text, string newline) =>
        text.Length == 0 || text.EndsWith('\n') ? ""
        : text.EndsWith('\r') ? "\r\n"
        : newline;
}
