using Redirector.Domain.Decision;
using Redirector.Shell.Native;

namespace Redirector.Shell.HostsFiles;

/// <summary>The hosts file's current text, re-read only when the file changed: each decision
/// compares against the file as it is, without reading a large (ad-block sized) file hundreds
/// of times a second. "Changed" is inode, size, and modification and change times to the
/// nanosecond: the kernel stamps file times from a coarse clock, so a rewrite of the same
/// length within one tick keeps its mtime, but a rename brings a new inode and any write or
/// touch a new change time. statx follows symlinks, so a symlinked hosts file is keyed on
/// its target.</summary>
sealed class HostsText(string path)
{
    (FileVersion Version, string Text)? cached;

    public string Path { get; } = path;

    /// <summary>What the file holds now, and whether that is news: false when the file is the
    /// version read last time (the core already has it).</summary>
    public (HostsReading Reading, bool Fresh) Gather()
    {
        var before = cached?.Version;
        var (text, error) = Read();
        return text is null
            ? (new HostsReading.Unreadable(error), true)
            : (new HostsReading.Text(text), cached?.Version is not { } now || now != before);
    }

    /// <summary>The text, or null and a one-line reason. A missing file in a folder that
    /// exists reads as empty: it is created, holding the block, by the first write.</summary>
    public (string? Text, string Error) Read()
    {
        try
        {
            var (version, error) = LibC.Version(Path);
            if (error == LibC.ENOENT)
            {
                cached = null;
                var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
                return Directory.Exists(folder)
                    ? ("", "")
                    : (null, $"{Path} does not exist, nor does its folder");
            }
            if (error != 0) return (null, $"cannot read {Path}: {LibC.Describe(error)}");
            if (cached is { } c && c.Version == version) return (c.Text, "");
            var text = HostsFile.Read(Path);
            // A version taken after the read could miss a write that landed in between.
            cached = (version, text);
            return (text, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cached = null;
            return (null, $"cannot read {Path}: {Errors.Describe(e)}");
        }
    }

    /// <summary>Writes unless the file no longer holds the text the decision was based on:
    /// another program's newer edit is not overwritten.</summary>
    public WriteOutcome Write(Effect.WriteHosts write)
    {
        var outcome = HostsFile.Write(Path, write.Text, write.BasedOn);
        cached = null;
        return outcome;
    }
}
