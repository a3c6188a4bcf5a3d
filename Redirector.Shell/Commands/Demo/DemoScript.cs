using System.Diagnostics;
using static System.FormattableString;

namespace Redirector.Shell.Commands.Demo;

/// <summary>The demo's timeline against the running daemon, watching the hosts file from
/// outside as any program would: the first block, then the backend it names is stopped and
/// the failover timed (from the stop to the file naming another backend), then it is started
/// again and named again. Every wait is bounded by count and time; Ctrl-C cancels any.</summary>
sealed class DemoScript(DemoBackends backends, string hostsPath, DemoOutput say)
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    static readonly TimeSpan FirstBound = TimeSpan.FromSeconds(5);
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(4);

    /// <summary>0 when the failover and the return were seen; 1 (and why) otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var first = await WaitForAsync(v => v.Address is not null, FirstBound, ct);
        if (first?.Address is not { } active)
            return Failed($"the daemon wrote no entry within {FirstBound.TotalSeconds} s");
        say.Block(first);
        await Task.Delay(Pause, ct);

        say.Line($"stopping backend {active}, the one the block names, as if it crashed");
        var sinceStop = Stopwatch.StartNew();
        backends.Named(active).Stop();
        var moved = await WaitForAsync(v => v.Address is { } a && a != active, Bound, ct);
        if (moved?.Address is not { } next)
            return Failed($"the block still named {active} {Bound.TotalSeconds} s after its stop");
        var ms = Invariant($"{sinceStop.Elapsed.TotalMilliseconds:0}");
        say.Line($"failover: {active} -> {next} in {ms} ms " +
                 $"(from the stop to the hosts file naming {next})");
        say.Block(moved);
        await Task.Delay(Pause, ct);

        say.Line($"starting backend {active} again");
        var sinceStart = Stopwatch.StartNew();
        backends.Named(active).Start();
        var back = await WaitForAsync(v => v.Address == active, Bound, ct);
        if (back is null)
            return Failed($"{active} was not named again {Bound.TotalSeconds} s after its start");
        var seconds = Invariant($"{sinceStart.Elapsed.TotalSeconds:0.0}");
        say.Line($"back: {active} is named again {seconds} s after its start " +
                 "(its next probe found it up; strategy priority prefers it)");
        say.Block(back);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return ExitCodes.Ok;
    }

    async Task<BlockView?> WaitForAsync(
        Func<BlockView, bool> wanted, TimeSpan bound, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var polls = (int)(bound / Poll) + 1;
        for (var i = 0; i < polls && clock.Elapsed < bound; i++)
        {
            var view = BlockView.Read(hostsPath);
            if (wanted(view)) return view;
            await Task.Delay(Poll, ct);
        }
        return null;
    }

    int Failed(string why)
    {
        say.Line($"demo failed: {why}");
        return ExitCodes.Runtime;
    }
}
