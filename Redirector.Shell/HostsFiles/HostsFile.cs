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
            return Prelude.Left<string, string>($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>Replaces the file's text: temp file in the same folder, fsync, the original's
    /// mode and owner, rename over, fsync of the folder. When rename cannot replace the file
    /// (a bind mount: EBUSY, EXDEV), no temp file can be made beside it, or its owner cannot
    /// be kept, writes in place and reads back. With <paramref name="expected"/> (the text the
    /// new one was computed from), a file another program changed meanwhile is left alone: its
    /// edit would be lost. Runs under <see cref="FolderLock"/>; the first write of a process
    /// removes temp files of writers that were killed. Never throws: a failure is an outcome.
    /// </summary>
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
                                      or ArgumentException)
        {
            return new WriteOutcome.Failed($"cannot resolve {path}: {e.Message}");
        }
        var folder = Path.GetDirectoryName(target) ?? "/";
        if (Interlocked.Exchange(ref swept, 1) == 0) StaleTempFiles.Sweep(target);
        var temp = Path.Combine(folder, StaleTempFiles.Name(target, Environment.ProcessId,
            Interlocked.Increment(ref tempCounter)));
        using var folderLock = FolderLock.Take(folder);
        if (folderLock is null)
            return new WriteOutcome.Failed($"cannot write {path}: another program holds the " +
                                           $"lock on {folder}");
        try
        {
            if (expected is not null && Changed(target, expected))
                return new WriteOutcome.Superseded($"{path} was changed by another program " +
                                                   "since it was read; not overwritten");
            return WriteViaRename(target, temp, folder, bytes);
        }
        catch (Exception e)
        {
            return new WriteOutcome.Failed($"cannot write {path}: {WithoutTemp(e.Message, temp)}");
        }
        finally
        {
            TryDelete(temp);
        }
    }

    static WriteOutcome WriteViaRename(string target, string temp, string folder, byte[] bytes)
    {
        var mode = File.GetUnixFileMode(target);
        var (uid, gid, statError) = LibC.Owner(target);
        if (statError != 0)
            return new WriteOutcome.Failed($"cannot stat {target}: {LibC.Describe(statError)}");
        FileStream created;
        try
        {
            created = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only /etc with a writable hosts file mounted in (some containers).
            return InPlace(target, bytes, $"cannot create a temp file in {folder}: {e.Message}");
        }
        using (var stream = created)
        {
            stream.Write(bytes);
            var chownError = LibC.Chown(temp, uid, gid);
            if (chownError != 0)
                return InPlace(target, bytes, $"cannot keep the owner {uid}:{gid} " +
                                              $"on a new file: {LibC.Describe(chownError)}");
            File.SetUnixFileMode(stream.SafeFileHandle, mode);
            stream.Flush(flushToDisk: true);
        }
        var renameError = LibC.Rename(temp, target);
        if (renameError is LibC.EBUSY or LibC.EXDEV)
            return InPlace(target, bytes, $"rename failed with {LibC.Describe(renameError)}; " +
                                          "the file is probably bind-mounted");
        if (renameError != 0)
            return new WriteOutcome.Failed(
                $"cannot rename a temp file over {target}: {LibC.Describe(renameError)}");
        var syncError = LibC.FsyncFolder(folder);
        // The new file is in place; only its durability across a power loss is in doubt.
        return syncError == 0
            ? new WriteOutcome.Atomic()
            : new WriteOutcome.Failed($"renamed, but fsync of {folder} failed: " +
                                      LibC.Describe(syncError));
    }

    /// <summary>Overwrites from the start and truncates after, so a reader never sees an empty
    /// file, only (briefly) a mix; then checks the bytes that were written.</summary>
    static WriteOutcome InPlace(string target, byte[] bytes, string why)
    {
        using (var stream = new FileStream(target, FileMode.Open, FileAccess.Write))
        {
            stream.Write(bytes);
            stream.SetLength(bytes.Length);
            stream.Flush(flushToDisk: true);
        }
        var back = File.ReadAllBytes(target);
        return back.AsSpan().SequenceEqual(bytes)
            ? new WriteOutcome.InPlace(why)
            : new WriteOutcome.Failed($"in-place write of {target} did not read back " +
                                      "(another program wrote at the same time?)");
    }

    // The temp name changes with every attempt; a reason that did too would defeat logging a
    // failure once per episode (disk full, read-only) rather than once per attempt.
    static string WithoutTemp(string message, string temp) =>
        message.Replace($" : '{temp}'", " (temp file)").Replace(temp, "the temp file");

    static bool Changed(string target, string expected)
    {
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
