using System.Diagnostics;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Observing;

namespace Redirector.EndToEnd.Observability;

/// <summary>How often the status file is rewritten: a change an operator acts on within a
/// pause, a routine refresh (the same outcomes, newer latencies) at most once per refresh
/// interval. The writer runs in this process against a temp folder; snapshots are counted.
/// </summary>
public sealed class StatusFilePacingTests : IDisposable
{
    static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    readonly string folder = Directory.CreateTempSubdirectory("redirector-pacing-").FullName;
    int snapshots;

    StatusFileWriter Writer() => new(Path.Combine(folder, "status.json"), () =>
    {
        Interlocked.Increment(ref snapshots);
        return new StatusSnapshot(StatusSnapshot.CurrentVersion, 1, DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow, "/etc/hosts", true, []);
    }, new RecordedLog().Logger, Refresh);

    int Written => Volatile.Read(ref snapshots);

    [Fact]
    public async Task Routine_refreshes_wait_for_the_refresh_interval_and_changes_do_not()
    {
        using var writer = Writer();
        writer.Request();
        Assert.True(await Wait.UntilAsync(() => Written == 1, Patience, Tick), "first write");

        // A probe round every 50 ms for one second (bounded in count and time): nothing is
        // due before the refresh interval has passed since the first write.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20 && clock.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            writer.Request(routine: true);
            await Task.Delay(50);
        }
        Assert.Equal(1, Written);

        // A change is written after the short pause, well before the refresh is due.
        writer.Request();
        Assert.True(await Wait.UntilAsync(() => Written == 2, Patience, Tick), "change");

        // The routine refresh then comes, once, a refresh interval after that write.
        writer.Request(routine: true);
        Assert.True(await Wait.UntilAsync(() => Written == 3, Patience, Tick), "refresh");
        Assert.True(File.Exists(Path.Combine(folder, "status.json")));
    }

    [Fact]
    public async Task A_change_after_a_routine_request_is_not_held_back_by_it()
    {
        using var writer = Writer();
        writer.Request();
        Assert.True(await Wait.UntilAsync(() => Written == 1, Patience, Tick), "first write");
        var since = Stopwatch.StartNew();
        writer.Request(routine: true);
        writer.Request();
        Assert.True(await Wait.UntilAsync(() => Written == 2, Patience, Tick), "change");
        // Written after the pause (250 ms), not at the refresh (2 s); generous for a busy
        // machine, yet below the refresh interval, which is what this checks.
        Assert.True(since.Elapsed < Refresh, $"written after {since.Elapsed}");
    }

    static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
