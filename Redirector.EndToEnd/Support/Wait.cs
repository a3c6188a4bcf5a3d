using System.Diagnostics;

namespace Redirector.EndToEnd.Support;

/// <summary>Bounded polling: every wait in these tests ends, by count and by time.</summary>
public static class Wait
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>True as soon as <paramref name="condition"/> holds, false after
    /// <paramref name="timeout"/>.</summary>
    public static async Task<bool> UntilAsync(
        Func<bool> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var step = interval ?? DefaultInterval;
        var clock = Stopwatch.StartNew();
        var maxPolls = (int)(timeout / step) + 2;
        for (var poll = 0; poll < maxPolls; poll++)
        {
            if (condition()) return true;
            if (clock.Elapsed >= timeout) return false;
            await Task.Delay(step);
        }
        return condition();
    }
}
