using System.Text;
using LanguageExt;
using Redirector.Shell.Native;

namespace Redirector.Shell.HostsFiles;

/// <summary>Reads and writes the hosts file as Latin-1, so every byte outside the managed block
/// round-trips exactly whatever its encoding (the block itself is ASCII).</summary>
public static class HostsFile
{
    static int tempCounter;
    static int swept;

    public static string Read(string path) => Encoding.Latin1.GetString(File.ReadAllBytes(path));

    /// <summary>Read, with a one-line reason instead of an exception.</summary>
    public static Either<string, string> TryRead(string path)
    {
        try
        {
            return Prelude.Right<string, string>(Read(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Prelude.Left<string, string>($"cannot read {path}: {Errors.Describe(e)}");
        }
    }

    /// <summary>Replaces the file's text: temp file in the same folder, fsync, the original's
    /// mode and owner, rename over, fsync of the folder. Only where rename cannot work here (a
    /// bind mount: EBUSY, EXDEV; a folder that refuses new files: EROFS, EACCES, EPERM; an
    /// owner that cannot be kept) it writes in place (<see cref="InPlaceWrite"/>). A missing
    /// file is created 0644. With <paramref name="expected"/> (the text the new one was
    /// computed from, "" for a missing file), a file another program changed meanwhile is left
    /// alone: its edit would be lost. Runs under <see cref="FolderLock"/>; the first write of
    /// a process removes temp files of writers that were killed. Never throws: a failure is an
    /// outcome.</summary>
    public static WriteOutcome Write(string path, string text, string? expected = null)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        string target;
        try
        {
            // Renaming over a symlink would replace the link; write where it points instead.
            target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName
                     ?? Path.GetFullPath(path);
        }
        catch (FileNotFoundException)
        {
            // Missing: created below, holding the block.
            target = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
                                      or ArgumentException)
        {
            return new WriteOutcome.Failed($"cannot resolve {path}: {Errors.Describe(e)}");
        }
        var folder = Path.GetDirectoryName(target) ?? "/";
        if (Interlocked.Exchange(ref swept, 1) == 0) StaleTempFiles.Sweep(target, firstOfRun: true);
        using var folderLock = FolderLock.Take(folder);
        if (folderLock is null)
            return new WriteOutcome.Failed($"cannot write {path}: another program holds the " +
                                           $"lock on {folder}");
        string? temp = null;
        try
        {
            if (expected is not null && Changed(target, expected))
                return new WriteOutcome.Superseded($"{path} was changed by another program " +
                                                   "since it was read; not overwritten");
            return WriteViaRename(target, folder, bytes, out temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WriteOutcome.Failed($"cannot write {path}: {Errors.Describe(e)}");
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    static WriteOutcome WriteViaRename(string target, string folder, byte[] bytes, out string? temp)
    {
        temp = null;
        var (mode, owner) = ModeAndOwner(target);
        if (owner is { Error: not 0 } broken)
            return new WriteOutcome.Failed($"cannot stat {target}: {LibC.Describe(broken.Error)}");
        var (created, createError) = CreateTemp(target, folder, out temp);
        if (created is null)
        {
            temp = null;
            return createError is LibC.EROFS or LibC.EACCES or LibC.EPERM && owner is not null
                // A read-only /etc with a writable hosts file mounted in (some containers).
                ? InPlaceWrite.Run(target, bytes, "cannot create a temp file in " +
                                                  $"{folder}: {LibC.Describe(createError)}")
                : new WriteOutcome.Failed($"cannot create a temp file in {folder}: " +
                                          $"{LibC.Describe(createError)}; nothing changed");
        }
        using (var stream = new FileStream(created, FileAccess.Write, bufferSize: 0))
        {
            stream.Write(bytes);
            if (owner is { } o)
            {
                var chownError = LibC.Chown(temp!, o.Uid, o.Gid);
                if (chownError != 0)
                    return InPlaceWrite.Run(target, bytes, $"cannot keep the owner " +
                                                           $"{o.Uid}:{o.Gid} on a new file: " +
                                                           LibC.Describe(chownError));
            }
            File.SetUnixFileMode(stream.SafeFileHandle, mode);
            stream.Flush(flushToDisk: true);
        }
        var renameError = LibC.Rename(temp!, target);
        if (renameError is LibC.EBUSY or LibC.EXDEV && owner is not null)
            return InPlaceWrite.Run(target, bytes, "rename failed with " +
                                                   $"{LibC.Describe(renameError)}; the file is " +
                                                   "probably bind-mounted");
        if (renameError != 0)
            return new WriteOutcome.Failed(
                $"cannot rename a temp file over {target}: {LibC.Describe(renameError)}");
        temp = null;
        var syncError = LibC.FsyncFolder(folder);
        // The new file is in place; only its durability across a power loss is in doubt.
        return syncError == 0
            ? new WriteOutcome.Atomic()
            : new WriteOutcome.Failed($"renamed, but fsync of {folder} failed: " +
                                      LibC.Describe(syncError));
    }

    const UnixFileMode NewFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite
                                     | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The file's mode and owner to keep; a missing file gets 0644 and this process
    /// as its owner (owner null).</summary>
    static (UnixFileMode Mode, (uint Uid, uint Gid, int Error)? Owner) ModeAndOwner(string target)
    {
        var owner = LibC.Owner(target);
        if (owner.Error == LibC.ENOENT) return (NewFileMode, null);
        return (owner.Error == 0 ? File.GetUnixFileMode(target) : NewFileMode, owner);
    }

    /// <summary>A new temp file beside the target. A name taken (a leftover of a process that
    /// had the same PID and was not swept) moves on to the next name.</summary>
    static (Microsoft.Win32.SafeHandles.SafeFileHandle? File, int Error) CreateTemp(
        string target, string folder, out string? temp)
    {
        for (var attempt = 0; ; attempt++)
        {
            temp = Path.Combine(folder, StaleTempFiles.Name(target, Environment.ProcessId,
                Interlocked.Increment(ref tempCounter)));
            var (file, error) = LibC.CreateExclusive(temp,
                UnixFileMode.UserRead | UnixFileMode.UserWrite);
            if (error != LibC.EEXIST || attempt == 3) return (file, error);
        }
    }

    static bool Changed(string target, string expected)
    {
        if (LibC.Owner(target).Error == LibC.ENOENT) return expected.Length != 0;
        var now = File.ReadAllBytes(target);
        return now.Length != expected.Length || Encoding.Latin1.GetString(now) != expected;
    }

    static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception)
        {
            // Nothing more can be done; the name carries our pid so an operator can tell.
        }
    }
}
