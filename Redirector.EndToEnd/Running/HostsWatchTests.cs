using Redirector.EndToEnd.Support;
using Redirector.Shell.HostsFiles;
using Serilog.Events;

namespace Redirector.EndToEnd.Running;

/// <summary>The hosts-file watch never stops the daemon and never goes blind for good: a watch
/// that cannot start (inotify limits) or that fails (a queue overflow, its folder deleted) is
/// armed again, and each episode is logged once.</summary>
public sealed class HostsWatchTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    static readonly TimeSpan Often = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_watch_that_cannot_start_is_retried_and_logged_once()
    {
        using var hosts = new TempHostsFile();
        var log = new RecordedLog();
        var attempts = 0;
        var changes = 0;
        FileSystemWatcher Create(string folder, string name)
        {
            if (Interlocked.Increment(ref attempts) <= 3)
                throw new IOException("The configured user limit (128) on the number of " +
                                      "inotify instances has been reached.");
            return new FileSystemWatcher(folder, name);
        }

        using var watch = new HostsWatch(hosts.Path, () => Interlocked.Increment(ref changes),
            log.Logger, Create, Often);
        Assert.True(await Wait.UntilAsync(() => Volatile.Read(ref attempts) >= 4, Bound),
            log.ToString());
        var before = Volatile.Read(ref changes);
        hosts.Write("# edited\n");
        Assert.True(await Wait.UntilAsync(() => Volatile.Read(ref changes) > before, Bound),
            log.ToString());
        Assert.Equal(1, log.Count(LogEventLevel.Warning));
        Assert.Contains("inotify instances", log.ToString());
    }

    [Fact]
    public async Task After_a_watch_error_it_is_armed_again_and_the_daemon_woken()
    {
        using var hosts = new TempHostsFile();
        var log = new RecordedLog();
        var made = new List<FailingWatcher>();
        var changes = 0;
        FileSystemWatcher Create(string folder, string name)
        {
            var watcher = new FailingWatcher(folder, name);
            lock (made) made.Add(watcher);
            return watcher;
        }
        FailingWatcher Latest()
        {
            lock (made) return made[^1];
        }
        int Made()
        {
            lock (made) return made.Count;
        }

        using var watch = new HostsWatch(hosts.Path, () => Interlocked.Increment(ref changes),
            log.Logger, Create, TimeSpan.FromMinutes(10));
        Assert.Equal(1, Made());
        Latest().Fail();
        // Events may have been lost: the daemon is told to look.
        Assert.True(await Wait.UntilAsync(() => Volatile.Read(ref changes) > 0, Bound));
        Assert.True(await Wait.UntilAsync(() => Made() == 2, Bound), log.ToString());
        Latest().Fail();
        Assert.True(await Wait.UntilAsync(() => Made() == 3, Bound), log.ToString());

        var before = Volatile.Read(ref changes);
        hosts.Write("# edited\n");
        Assert.True(await Wait.UntilAsync(() => Volatile.Read(ref changes) > before, Bound),
            log.ToString());
        Assert.Equal(1, log.Count(LogEventLevel.Warning));
        Assert.Contains("overflow", log.ToString());
    }

    [Fact]
    public async Task A_folder_deleted_and_made_again_is_watched_again()
    {
        using var hosts = new TempHostsFile();
        var log = new RecordedLog();
        var changes = 0;
        using var watch = new HostsWatch(hosts.Path, () => Interlocked.Increment(ref changes),
            log.Logger, null, Often);
        Directory.Delete(hosts.Folder, recursive: true);
        Directory.CreateDirectory(hosts.Folder);
        // Long enough for a few checks: the new folder is watched, not the deleted one.
        await Task.Delay(Often * 6);

        var before = Volatile.Read(ref changes);
        hosts.Write("# made again\n");
        Assert.True(await Wait.UntilAsync(() => Volatile.Read(ref changes) > before, Bound),
            log.ToString());
    }

    sealed class FailingWatcher(string folder, string name) : FileSystemWatcher(folder, name)
    {
        public void Fail() => OnError(new ErrorEventArgs(new InternalBufferOverflowException()));
    }
}
