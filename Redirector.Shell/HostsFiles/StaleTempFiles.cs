namespace Redirector.Shell.HostsFiles;

/// <summary>Temp files of writers that died between creating and renaming them (SIGKILL, power
/// loss). Their names carry the writer's PID, so only those of processes that no longer exist
/// are removed: a temp file of a live writer is still in use.</summary>
static class StaleTempFiles
{
    public const string Marker = ".redirector-";

    /// <summary>The temp-file name for <paramref name="target"/> of this process.</summary>
    public static string Name(string target, int pid, int counter) =>
        $".{Path.GetFileName(target)}{Marker}{pid}-{counter}.tmp";

    /// <summary>Removes the dead writers' temp files beside <paramref name="target"/>; returns
    /// how many. On the first sweep of a run, files that carry this process's own PID are a
    /// dead writer's too (an earlier process with the same PID: PID 1 in a container), since
    /// this run has made none yet. Never throws: a file that cannot be removed is left for the
    /// next sweep.</summary>
    public static int Sweep(string target, bool firstOfRun = false)
    {
        var folder = Path.GetDirectoryName(target) ?? "/";
        var prefix = $".{Path.GetFileName(target)}{Marker}";
        var removed = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
            {
                var pid = WriterPid(Path.GetFileName(file)[prefix.Length..]);
                var own = pid == Environment.ProcessId;
                if (pid is null || (own && !firstOfRun) || (!own && Directory.Exists($"/proc/{pid}")))
                    continue;
                File.Delete(file);
                removed++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort; the write itself does not depend on it.
        }
        return removed;
    }

    static int? WriterPid(string rest)
    {
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], out var pid) && pid > 0 ? pid : null;
    }
}
