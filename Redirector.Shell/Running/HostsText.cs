using Redirector.Shell.HostsFiles;

namespace Redirector.Shell.Running;

/// <summary>The hosts file's current text, re-read only when its size or modification time
/// changed: each decision compares against the file as it is, without reading a large
/// (ad-block sized) file hundreds of times a second.</summary>
sealed class HostsText(string path)
{
    (long Length, DateTime Modified, string Text)? cached;

    public string Path { get; } = path;

    /// <summary>The text, or null and a one-line reason.</summary>
    public (string? Text, string Error) Read()
    {
        try
        {
            // A symlinked hosts file: FileInfo describes the link itself, whose size and time
            // never change when the target is edited; the cache must key on the target.
            var info = new FileInfo(Path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(true) is FileInfo target)
                info = target;
            if (!info.Exists) return (null, $"{Path} does not exist");
            if (cached is { } c && c.Length == info.Length && c.Modified == info.LastWriteTimeUtc)
                return (c.Text, "");
            var text = HostsFile.Read(Path);
            cached = (info.Length, info.LastWriteTimeUtc, text);
            return (text, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cached = null;
            return (null, $"cannot read {Path}: {e.Message}");
        }
    }

    public WriteOutcome Write(string text)
    {
        // The text the decision was based on: another program's newer edit is not overwritten.
        var outcome = HostsFile.Write(Path, text, cached?.Text);
        cached = null;
        return outcome;
    }
}
