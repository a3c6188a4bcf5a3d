using System.Text;

namespace Redirector.Failover;

/// <summary>Reads the hosts file every few milliseconds on its own thread and checks every read
/// (see <see cref="HostsCheck"/>). Waiters are completed by the poll that first shows what they
/// wait for, with that poll's timestamp (taken before the file is opened: a rename seen by the
/// read happened before it). Large files are re-read only when their size or mtime moved.</summary>
sealed class HostsPoller : IDisposable
{
    const long LargeFile = 1 << 20;
    const int KeptViolations = 5;

    readonly string path;
    readonly HostsCheck check;
    readonly TimeSpan interval;
    readonly long deadline;
    readonly Thread thread;
    readonly List<Waiter> waiters = new();
    readonly List<string> violations = new();
    volatile bool stopping;
    string? lastText;
    HostsView lastView = HostsView.Empty;

    public HostsPoller(string path, string original, TimeSpan interval, TimeSpan lifetime)
    {
        (this.path, this.interval, deadline) = (path, interval, Clock.After(lifetime));
        check = new HostsCheck(original);
        thread = new Thread(Run) { IsBackground = true, Name = "hosts poller" };
        thread.Start();
    }

    public long Reads { get; private set; }
    public long ViolationCount { get; private set; }

    public IReadOnlyList<string> Violations
    {
        get { lock (waiters) return violations.ToArray(); }
    }

    public HostsView Current
    {
        get { lock (waiters) return lastView; }
    }

    /// <summary>The timestamp of the first poll at or after <paramref name="since"/> whose view
    /// satisfies <paramref name="wanted"/>, or null after <paramref name="timeout"/>.</summary>
    public long? WaitFor(Func<HostsView, bool> wanted, long since, TimeSpan timeout) =>
        Expect(wanted, since)(timeout);

    /// <summary>As <see cref="WaitFor"/>, but the waiter is registered now and waited on later
    /// (the returned function), so a change that comes before the caller can wait (while it
    /// stops and restarts a backend) is still timed by the poll that first showed it.</summary>
    public Func<TimeSpan, long?> Expect(Func<HostsView, bool> wanted, long since)
    {
        var waiter = new Waiter(wanted, since);
        lock (waiters) waiters.Add(waiter);
        return timeout =>
        {
            var done = waiter.Done.Task.Wait(timeout);
            lock (waiters) waiters.Remove(waiter);
            return done ? waiter.Done.Task.Result : null;
        };
    }

    void Run()
    {
        (long Length, DateTime Modified) seen = default;
        while (!stopping && Clock.Now < deadline)
        {
            var at = Clock.Now;
            try
            {
                var info = new FileInfo(path);
                var stamp = info.Exists ? (info.Length, info.LastWriteTimeUtc) : default;
                var large = info.Exists && info.Length >= LargeFile;
                if (!large || stamp != seen || lastText is null)
                {
                    var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
                    Observe(at, text);
                    seen = stamp;
                }
                else
                {
                    Observe(at, lastText);
                }
            }
            catch (FileNotFoundException)
            {
                Record(at, HostsView.Broken("file missing"));
            }
            Thread.Sleep(interval);
        }
    }

    void Observe(long at, string text)
    {
        if (!ReferenceEquals(text, lastText) && text != lastText)
        {
            lastText = text;
            Record(at, check.Check(text));
        }
        else
        {
            Record(at, lastView, counted: false);
        }
    }

    void Record(long at, HostsView view, bool counted = true)
    {
        lock (waiters)
        {
            Reads++;
            if (view.Violation is { } why)
            {
                ViolationCount++;
                if (counted && violations.Count < KeptViolations) violations.Add(why);
            }
            lastView = view;
            foreach (var w in waiters)
                if (at >= w.Since && !w.Done.Task.IsCompleted && w.Wanted(view)) w.Done.TrySetResult(at);
        }
    }

    public void Dispose()
    {
        stopping = true;
        thread.Join(TimeSpan.FromSeconds(5));
    }

    sealed record Waiter(Func<HostsView, bool> Wanted, long Since)
    {
        public TaskCompletionSource<long> Done { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
