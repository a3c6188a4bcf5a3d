using Redirector.Shell.Probing;

namespace Redirector.EndToEnd.Probes;

/// <summary>Name resolutions are not stacked up: one run per name at a time, which callers
/// join and leave at their own timeout. The runs here are injected tasks the test completes.
/// </summary>
public sealed class SingleFlightTests
{
    static readonly CancellationToken None = CancellationToken.None;

    sealed class Runs
    {
        public int Started;
        public TaskCompletionSource<int> Gate { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SingleFlight<string, int> Flight() => new(_ =>
        {
            Interlocked.Increment(ref Started);
            return Gate.Task;
        }, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Concurrent_callers_of_one_name_share_one_run()
    {
        var runs = new Runs();
        var flight = runs.Flight();

        var first = flight.RunAsync("backend.test", None);
        var second = flight.RunAsync("BACKEND.test", None);
        var (started, inFlight) = (runs.Started, flight.InFlight);
        runs.Gate.SetResult(7);

        Assert.Equal((1, 1), (started, inFlight));
        Assert.Equal((7, 7), (await first, await second));
        Assert.Equal(0, flight.InFlight);
    }

    [Fact]
    public async Task A_caller_leaves_at_its_own_timeout_and_a_later_one_joins_the_same_run()
    {
        var runs = new Runs();
        var flight = runs.Flight();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => flight.RunAsync("backend.test", timeout.Token));
        var later = flight.RunAsync("backend.test", None);
        var started = runs.Started;
        runs.Gate.SetResult(3);

        Assert.Equal(1, started);
        Assert.Equal(3, await later);
    }

    [Fact]
    public async Task Other_names_run_apart_and_an_ended_run_is_not_reused()
    {
        var started = 0;
        var flight = new SingleFlight<string, int>(
            _ => Task.FromResult(Interlocked.Increment(ref started)), StringComparer.Ordinal);

        Assert.Equal(1, await flight.RunAsync("a.test", None));
        Assert.Equal(2, await flight.RunAsync("a.test", None));
        Assert.Equal(3, await flight.RunAsync("b.test", None));
        Assert.Equal(0, flight.InFlight);
    }

    [Fact]
    public async Task A_failed_run_fails_every_caller_and_the_next_caller_starts_afresh()
    {
        var started = 0;
        var flight = new SingleFlight<string, int>(_ => Interlocked.Increment(ref started) == 1
            ? Task.FromException<int>(new InvalidOperationException("no"))
            : Task.FromResult(5), StringComparer.Ordinal);

        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.RunAsync("a", None));
        Assert.Equal(5, await flight.RunAsync("a", None));
    }
}
