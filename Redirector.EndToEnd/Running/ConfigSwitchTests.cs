using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Running;
using Redirector.Shell.Scheduling;

namespace Redirector.EndToEnd.Running;

/// <summary>A reload on the daemon's side: every probe result meets the config it was scheduled
/// under. The core's stand-in here remembers the config it was last given and checks each
/// result against it: the address probed must be the one its backend index names.</summary>
public sealed class ConfigSwitchTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task No_result_of_the_new_schedules_is_stepped_against_the_old_config()
    {
        var servers = LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2", "127.0.0.3");
        var check = Some.Tcp(servers[0].Port, periodSeconds: 600);
        var before = Some.Config(
            Some.Lb("db", check, "127.0.0.1", "127.0.0.2"), Some.Lb("kept", check, "127.0.0.1"));
        // db changes (index 0 now names another host), fresh is new, kept stays as it was.
        var after = Some.Config(
            Some.Lb("db", check, "127.0.0.3", "127.0.0.1", "127.0.0.2"),
            Some.Lb("fresh", check, "127.0.0.2"), Some.Lb("kept", check, "127.0.0.1"));
        var channel = Channel.CreateUnbounded<Observation>();
        await using var scheduler = new ProbeScheduler(channel);
        var core = new CoreStandIn(before);
        scheduler.UpdateConfig(before);
        core.Step(new Input.ProbesObserved(await ReadAsync(channel.Reader, 3)));

        // The worst timing of the daemon's thread: held up right before it first reads the
        // channel during the switch, long enough for any probe already started to publish.
        var reader = new HeldUpReader(channel.Reader, TimeSpan.FromSeconds(1));
        ConfigSwitch.Apply(scheduler, reader, after, core.Step);
        // Then as the daemon's loop goes on: whatever arrives, until the new schedules have
        // reported (bounded by the time it waits).
        await Wait.UntilAsync(() =>
        {
            var batch = new List<Observation>();
            while (channel.Reader.TryRead(out var o)) batch.Add(o);
            core.Step(new Input.ProbesObserved(batch.ToSeq().Strict()));
            return core.Seen.Contains(new BackendKey("fresh", 0))
                   && core.Seen.Contains(new BackendKey("db", 2));
        }, Bound);

        Assert.Empty(core.Mismatches);
        Assert.Contains(new BackendKey("fresh", 0), core.Seen);
        Assert.Contains(new BackendKey("db", 2), core.Seen);
        foreach (var s in servers) s.Dispose();
    }

    /// <summary>The next <paramref name="count"/> results (bounded in time).</summary>
    static async Task<Seq<Observation>> ReadAsync(ChannelReader<Observation> reader, int count)
    {
        var seen = new List<Observation>();
        using var stop = new CancellationTokenSource(Bound);
        while (seen.Count < count) seen.Add(await reader.ReadAsync(stop.Token));
        return seen.ToSeq().Strict();
    }

    sealed class CoreStandIn(Configuration config)
    {
        public List<string> Mismatches { get; } = [];
        public List<BackendKey> Seen { get; } = [];

        public void Step(Input input)
        {
            if (input is Input.ConfigLoaded loaded) config = loaded.Config;
            if (input is not Input.ProbesObserved probes) return;
            foreach (var o in probes.Results)
            {
                Seen.Add(o.Backend);
                var address = o.Result.Address.Map(a => a.ToString()).IfNone("?");
                var host = config.Lbs.Find(o.Backend.Lb)
                    .Bind(lb => lb.Backends.Skip(o.Backend.Index).HeadOrNone())
                    .Map(b => b.Host).IfNone("(none)");
                if (host != address)
                    Mismatches.Add($"{o.Backend.Lb}[{o.Backend.Index}] probed {address}, " +
                                   $"the config in force names {host}");
            }
        }
    }

    /// <summary>Waits (bounded) on its first read for something new to arrive.</summary>
    sealed class HeldUpReader(ChannelReader<Observation> inner, TimeSpan hold)
        : ChannelReader<Observation>
    {
        bool held;

        public override bool TryRead([MaybeNullWhen(false)] out Observation item)
        {
            if (!held)
            {
                held = true;
                using var stop = new CancellationTokenSource(hold);
                try
                {
                    inner.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                }
            }
            return inner.TryRead(out item);
        }

        public override ValueTask<bool> WaitToReadAsync(CancellationToken ct = default) =>
            inner.WaitToReadAsync(ct);
    }
}
