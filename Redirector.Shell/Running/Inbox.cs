using System.Threading.Channels;
using LanguageExt;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Running;

/// <summary>Everything that wakes the daemon, gathered in one place: probe results (queued by
/// the scheduler's threads), watch reports (queued by the watches' socket completions),
/// control messages (signals, the hosts watch, the core's ReadHosts),
/// and the doorbell that wakes the daemon's own thread when either arrives.</summary>
sealed class Inbox : IDisposable
{
    static readonly TimeSpan HostsSettle = TimeSpan.FromMilliseconds(30);

    readonly Channel<Observation> results =
        Channel.CreateUnbounded<Observation>(new() { SingleReader = true });
    readonly Channel<Input> watches =
        Channel.CreateUnbounded<Input>(new() { SingleReader = true });
    readonly Channel<Control> control =
        Channel.CreateUnbounded<Control>(new() { SingleReader = true });
    readonly Doorbell bell = new();

    /// <summary>Where the scheduler queues results; <see cref="Ring"/> after each.</summary>
    public ChannelWriter<Observation> Results => results.Writer;

    /// <summary>Where the watches queue their reports; <see cref="Ring"/> after each.</summary>
    public ChannelWriter<Input> Watches => watches.Writer;

    public void Ring() => bell.Ring();

    public void Post(Control message)
    {
        control.Writer.TryWrite(message);
        bell.Ring();
    }

    /// <summary>Waits for something to happen; returns the control messages, the probe
    /// results and the watch reports (in the order they were queued) that arrived meanwhile.
    /// </summary>
    public (System.Collections.Generic.HashSet<Control> Asked, Seq<Observation> Results,
        Seq<Input> Watched) Next()
    {
        bell.Wait(CancellationToken.None);
        var asked = Drain();
        // Let another program finish writing the file before reading it back, even with
        // probe results waiting: a result must not make the daemon read (and then replace) a
        // file that a plain writer has truncated but not yet filled.
        if (asked.Count == 1 && asked.Contains(Control.HostsChanged))
        {
            Thread.Sleep(HostsSettle);
            asked.UnionWith(Drain());
        }
        var batch = new List<Observation>();
        while (results.Reader.TryRead(out var o)) batch.Add(o);
        var watched = new List<Input>();
        while (watches.Reader.TryRead(out var w)) watched.Add(w);
        return (asked, batch.ToSeq().Strict(), watched.ToSeq().Strict());
    }

    System.Collections.Generic.HashSet<Control> Drain()
    {
        var asked = new System.Collections.Generic.HashSet<Control>();
        while (control.Reader.TryRead(out var c)) asked.Add(c);
        return asked;
    }

    public void Dispose() => bell.Dispose();
}
