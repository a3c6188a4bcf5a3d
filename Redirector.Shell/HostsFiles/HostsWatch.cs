using Redirector.Shell.Native;
using Serilog;

namespace Redirector.Shell.HostsFiles;

/// <summary>Wakes the daemon when another program touches the hosts file (edits, replaces or
/// deletes it), so a lost block is put back at once rather than at the next probe. Watches the
/// folder of every file the path leads to (<see cref="LinkChain"/>): a symlinked hosts file is
/// edited in its target's folder. It is only a way to notice sooner, never needed for
/// correctness (each probe result compares the file anyway), so it never stops the daemon: a
/// watch that cannot start (inotify limits), that fails (a queue overflow) or whose folder goes
/// away is armed again at the next check, and each kind of problem is logged once.</summary>
sealed class HostsWatch : IDisposable
{
    static readonly TimeSpan DefaultCheck = TimeSpan.FromSeconds(5);

    readonly string path;
    readonly Action changed;
    readonly ILogger log;
    readonly Func<string, string, FileSystemWatcher> create;
    readonly TimeSpan checkEvery;
    readonly Lock gate = new();
    readonly Dictionary<string, FolderWatch> watches = new();
    readonly HashSet<string> logged = new();
    readonly Timer timer;
    bool blind;
    bool disposed;

    /// <param name="create">Makes the watcher of a folder for one file name (a test's seam);
    /// by default a <see cref="FileSystemWatcher"/>.</param>
    /// <param name="checkEvery">How often links, folders and failed watches are looked at
    /// again.</param>
    public HostsWatch(string path, Action changed, ILogger log,
        Func<string, string, FileSystemWatcher>? create = null, TimeSpan? checkEvery = null)
    {
        (this.path, this.changed, this.log) = (path, changed, log);
        this.create = create ?? ((folder, name) => new FileSystemWatcher(folder, name));
        this.checkEvery = checkEvery ?? DefaultCheck;
        timer = new Timer(_ => Check(afterStart: true));
        Check(afterStart: false);
        timer.Change(this.checkEvery, this.checkEvery);
    }

    /// <summary>Brings the watches in line with the link chain and the folders as they are
    /// now. After the start, a watch armed anew means edits may have gone unseen: the daemon is
    /// told to look.</summary>
    void Check(bool afterStart)
    {
        var retired = new List<FileSystemWatcher>();
        var armed = false;
        lock (gate)
        {
            if (disposed) return;
            var chain = LinkChain.Of(path);
            foreach (var (file, watch) in watches.ToList())
            {
                if (!watch.Broken && chain.Contains(file) && watch.Folder == FolderOf(file))
                    continue;
                retired.Add(watch.Watcher);
                watches.Remove(file);
            }
            string? failure = null;
            foreach (var file in chain.Where(f => !watches.ContainsKey(f)))
            {
                var (watch, problem) = TryArm(file);
                if (watch is null) failure ??= problem;
                else (watches[file], armed) = (watch, true);
            }
            if (failure is not null)
            {
                LogOnce(failure, $"cannot watch {failure}; edits by other programs are " +
                                 "noticed at the next probe until it can (tried again every " +
                                 $"{checkEvery.TotalSeconds:0.#}s)");
                blind = true;
            }
            else if (blind)
            {
                log.Information("watching hosts file {Path} for edits again", path);
                blind = false;
            }
        }
        foreach (var watcher in retired) watcher.Dispose();
        if (armed && afterStart) changed();
    }

    /// <summary>The watch, or null and "FOLDER (for FILE): REASON".</summary>
    (FolderWatch? Watch, string Problem) TryArm(string file)
    {
        var folder = Path.GetDirectoryName(file) ?? "/";
        FileSystemWatcher? watcher = null;
        try
        {
            var identity = FolderOf(file);
            if (identity is null) return (null, $"{folder} (for {file}): no such folder");
            watcher = create(folder, Path.GetFileName(file));
            watcher.NotifyFilter =
                NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size;
            var watch = new FolderWatch(watcher, identity.Value);
            watcher.Changed += (_, _) => changed();
            watcher.Created += (_, _) => Moved();
            watcher.Deleted += (_, _) => Moved();
            watcher.Renamed += (_, _) => Moved();
            watcher.Error += (_, e) => Failed(watch, folder, e.GetException());
            watcher.EnableRaisingEvents = true;
            return (watch, "");
        }
        // Whatever the runtime throws here, the daemon runs on without this watch.
        catch (Exception e)
        {
            watcher?.Dispose();
            return (null, $"{folder} (for {file}): {Reason(e)}");
        }
    }

    /// <summary>A file of the chain appeared, went or was replaced: a link may point elsewhere
    /// now.</summary>
    void Moved()
    {
        changed();
        Soon();
    }

    void Failed(FolderWatch watch, string folder, Exception error)
    {
        lock (gate)
        {
            if (disposed) return;
            watch.Broken = true;
            var reason = Reason(error);
            LogOnce(reason, $"watch of {folder} failed: {reason}; watching it again");
        }
        // Events may have been lost: the daemon looks at the file itself.
        changed();
        Soon();
    }

    void Soon()
    {
        lock (gate)
            if (!disposed) timer.Change(TimeSpan.Zero, checkEvery);
    }

    /// <summary>Under the lock. Each kind of problem once at WARNING, then at DEBUG: a limit
    /// that stays reached must not fill the log every few seconds.</summary>
    void LogOnce(string kind, string message)
    {
        if (logged.Add(kind)) log.Warning("hosts file {Path}: {Problem}", path, message);
        else log.Debug("hosts file {Path}: {Problem}", path, message);
    }

    /// <summary>The identity of a file's folder: a folder deleted and made again is another
    /// one, and the watch of the old one is dead.</summary>
    static (ulong, ulong, long, uint)? FolderOf(string file) =>
        LibC.FolderIdentity(Path.GetDirectoryName(file) ?? "/");

    static string Reason(Exception e) => e switch
    {
        InternalBufferOverflowException =>
            "too many changes at once (the change queue overflowed)",
        DirectoryNotFoundException or ArgumentException => "no such folder",
        // .NET says so only in its message; the limits are what the operator can raise.
        IOException when e.Message.Contains("inotify", StringComparison.Ordinal) =>
            "the limit on inotify instances or watches is reached (sysctl " +
            "fs.inotify.max_user_instances, fs.inotify.max_user_watches)",
        _ => Errors.Describe(e),
    };

    public void Dispose()
    {
        List<FileSystemWatcher> all;
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
            all = watches.Values.Select(w => w.Watcher).ToList();
            watches.Clear();
        }
        foreach (var watcher in all) watcher.Dispose();
    }

    /// <summary>One folder's watcher; broken after an error, until the next check.</summary>
    sealed class FolderWatch(FileSystemWatcher watcher, (ulong, ulong, long, uint) folder)
    {
        public FileSystemWatcher Watcher { get; } = watcher;
        public (ulong, ulong, long, uint) Folder { get; } = folder;
        public bool Broken { get; set; }
    }
}
