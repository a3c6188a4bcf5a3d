using Redirector.Domain.Config;
using Redirector.Shell.Native;

namespace Redirector.Shell.Observing;

/// <summary>Where the daemon keeps its status file, and so where <c>status</c> looks for the
/// same config: one rule for both. The default folder, /run/redirector, belongs to root: under
/// systemd RuntimeDirectory= makes it (writable by a User= too), a daemon run as root makes it
/// itself; one run by hand without root cannot, and keeps its status in
/// $XDG_RUNTIME_DIR/redirector/ instead. A status_file set to any other path is used as it
/// is.</summary>
static class StatusLocation
{
    const string FolderMode = "0755";

    /// <summary>The path for the status_file <paramref name="configured"/>.
    /// <paramref name="defaultFolderWritable"/>: the default folder exists and this process may
    /// write in it.</summary>
    public static string Choose(
        string configured, bool isRoot, string? runtimeDir, bool defaultFolderWritable) =>
        configured != MainConfig.DefaultStatusFile || isRoot || defaultFolderWritable
        || string.IsNullOrEmpty(runtimeDir) || !Path.IsPathRooted(runtimeDir)
            ? configured
            : Path.Combine(runtimeDir, "redirector", Path.GetFileName(configured));

    /// <summary><see cref="Choose"/> for this process, its user and its environment.</summary>
    public static string ForThisProcess(string configured)
    {
        var folder = Path.GetDirectoryName(MainConfig.DefaultStatusFile) ?? "/";
        return Choose(configured, LibC.EffectiveUid() == 0,
            Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"),
            Directory.Exists(folder) && LibC.CanWriteIn(folder));
    }

    /// <summary>Makes the folder of <paramref name="path"/> (0755) when it is missing. Null,
    /// or why it could not.</summary>
    public static string? MakeFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || Directory.Exists(folder)) return null;
        try
        {
            var mode = (UnixFileMode)Convert.ToInt32(FolderMode, 8);
            Directory.CreateDirectory(folder, mode);
            // Exactly 0755 whatever the umask: `status` run by another user reads it.
            File.SetUnixFileMode(folder, mode);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot create the status folder {folder}: {Errors.Describe(e)}";
        }
    }
}
