using Redirector.Shell.Native;

namespace Redirector.Shell.HostsFiles;

/// <summary>An advisory flock on the hosts file's folder, held while the file is compared and
/// replaced. The file itself cannot carry the lock (a rename replaces its inode); the folder
/// stays. Programs that take the same lock (<c>flock /etc -c ...</c>) never lose an edit to
/// the daemon's write, nor the daemon to theirs.</summary>
sealed class FolderLock : IDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    readonly int fd;

    FolderLock(int fd) => this.fd = fd;

    /// <summary>The lock, or null when another process held it for the whole patience.
    /// A folder that cannot be opened gives a lock that holds nothing.</summary>
    public static FolderLock? Take(string folder)
    {
        var attempts = (int)(Patience / Step);
        for (var i = 0; i <= attempts; i++)
        {
            var (fd, busy) = LibC.TryLockFolder(folder);
            if (!busy) return new FolderLock(fd);
            Thread.Sleep(Step);
        }
        return null;
    }

    public void Dispose() => LibC.Unlock(fd);
}
