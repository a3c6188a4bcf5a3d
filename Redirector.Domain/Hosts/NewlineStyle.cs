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
}
