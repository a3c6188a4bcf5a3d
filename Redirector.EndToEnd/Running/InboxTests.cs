using Redirector.Domain.Decision;
using Redirector.Shell.Running;

namespace Redirector.EndToEnd.Running;

/// <summary>Watch reports reach the daemon through the inbox as probe results do: queued from
/// any thread, woken by a ring, drained in one batch in the order they came.</summary>
public sealed class InboxTests
{
    static readonly BackendKey Web = new("web", "127.0.0.1", 80);

    [Fact]
    public async Task Watch_reports_queued_elsewhere_wake_the_reader_and_come_in_one_batch()
    {
        using var inbox = new Inbox();
        var reading = Task.Run(inbox.Next);

        await Task.Run(() =>
        {
            inbox.Watches.TryWrite(new Input.WatchOpened(1, Web, 3));
            inbox.Watches.TryWrite(new Input.WatchLost(2, Web, 3, "closed by the peer"));
            inbox.Ring();
        });
        var (asked, results, watched) = await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(asked);
        Assert.True(results.IsEmpty);
        Assert.Equal(new[] { typeof(Input.WatchOpened), typeof(Input.WatchLost) },
            watched.Map(i => i.GetType()).ToArray());
    }
}
