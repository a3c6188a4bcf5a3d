using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Renderer;

namespace Redirector.Domain.Diff;

/// <summary>The unified diff that --dry-run prints, in the form of <c>diff -u</c> with git's
/// <c>a/</c> and <c>b/</c> labels, so it reads like a terraform plan or a patch.</summary>
public static class UnifiedDiff
{
    const string NoNewline = "\\ No newline at end of file";

    // Tags an unterminated last line so that "b" and "b\n" compare unequal, as in diff -u.
    const char Unterminated = '\u0001';

    // Lines end at '\n' only: a CR stays part of its line, so CRLF files diff byte-exactly.
    static readonly CustomFunctionChunker Lines = new(Split);

    /// <summary>Empty when the texts are equal.</summary>
    public static string Between(string oldText, string newText, string path)
    {
        if (oldText == newText) return "";
        var label = path.TrimStart('/');
        var result = Differ.Instance.CreateDiffs(oldText, newText, false, false, Lines);
        var diff = new UnidiffRenderer(Differ.Instance, 3)
            .Generate(result, $"a/{label}", $"b/{label}");
        var lines = diff.TrimEnd('\n').Split('\n')
            .Select(l => l.StartsWith("@@ ") ? HunkHeader.ToGnu(l) : l)
            .SelectMany(l => l.EndsWith(Unterminated) ? [l[..^1], NoNewline] : new[] { l });
        return string.Join('\n', lines) + "\n";
    }

    static string[] Split(string text) =>
        text.Length == 0 ? []
        : text.EndsWith('\n') ? text[..^1].Split('\n')
        : (text + Unterminated).Split('\n');
}
