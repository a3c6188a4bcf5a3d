namespace Redirector.Shell.Running;

/// <summary>Wakes the daemon when another program touches the hosts file (edits, replaces or
/// deletes it), so a lost block is put back at once rather than at the next probe.</summary>
sealed class HostsWatch : IDisposable
{
    readonly FileSystemWatcher? watcher;

    public HostsWatch(string path, Action changed)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder)) return;
        watcher = new FileSystemWatcher(folder, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => changed();
        watcher.Created += (_, _) => changed();
        watcher.Deleted += (_, _) => changed();
        watcher.Renamed += (_, _) => changed();
        watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => watcher?.Dispose();
}
