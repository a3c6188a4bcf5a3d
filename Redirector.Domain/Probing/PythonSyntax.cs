using System.Text;

namespace Redirector.Domain.Probing;

/// <summary>Rewrites a pattern written for Python's <c>re</c> into the .NET pattern that means
/// the same, where the two spell a thing differently: <c>(?P&lt;n&gt;…)</c> and <c>(?P=n)</c>
/// (named groups), <c>\Z</c> (.NET's is <c>\z</c>; its own <c>\Z</c> also accepts a final
/// newline), <c>{,n}</c> (.NET reads it as text), and inside a class <c>[</c> (plain text to
/// Python, a subtraction to .NET) and a leading <c>]</c>. Escapes are copied as they are, so
/// <c>\(?P&lt;</c> stays text. The only translation: config load and probes both use it.
/// </summary>
public static class PythonSyntax
{
    public static string ToDotNet(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                text.Append(pattern[i + 1] == 'Z' && !inClass ? @"\z" : pattern.Substring(i, 2));
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
                text.Append(c == '[' ? @"\[" : c.ToString());
            }
            else if (c == '[')
                i = OpenClass(pattern, i, text, out inClass);
            else if (At(pattern, i, "(?P<"))
            {
                text.Append("(?<");
                i += 3;
            }
            else if (At(pattern, i, "(?P=") && pattern.IndexOf(')', i) is var close and > 0)
            {
                text.Append(@"\k<").Append(pattern, i + 4, close - i - 4).Append('>');
                i = close;
            }
            else if (At(pattern, i, "{,") && UpperBound(pattern, i + 2) is var end and > 0)
            {
                text.Append("{0,").Append(pattern, i + 2, end - i - 1);
                i = end;
            }
            else
                text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>Copies <c>[</c>, a negation and a <c>]</c> that Python takes as text when it
    /// comes first; returns the index of the last character used.</summary>
    static int OpenClass(string pattern, int i, StringBuilder text, out bool inClass)
    {
        text.Append('[');
        if (i + 1 < pattern.Length && pattern[i + 1] == '^')
            text.Append(pattern[++i]);
        if (i + 1 < pattern.Length && pattern[i + 1] == ']')
        {
            text.Append(@"\]");
            i++;
        }
        inClass = true;
        return i;
    }

    /// <summary>The index of the <c>}</c> closing <c>{,</c> and digits, or -1.</summary>
    static int UpperBound(string pattern, int from)
    {
        var i = from;
        while (i < pattern.Length && char.IsAsciiDigit(pattern[i])) i++;
        return i < pattern.Length && pattern[i] == '}' ? i : -1;
    }

    static bool At(string pattern, int i, string what) =>
        string.CompareOrdinal(pattern, i, what, 0, what.Length) == 0;
}
