using System.Globalization;

namespace Redirector.Shell.Observing;

/// <summary>A backend's watch in operator words, for the log and the status table: "10 min",
/// "lost 3.0s ago (closed by the peer)", "not watchable until 14:03:22: ...".</summary>
static class WatchText
{
    /// <summary>A span the core chose (a round number of minutes or seconds, as a rule):
    /// "10 min", "30 s", "1.5 s", "250 ms".</summary>
    public static string Span(long ms) => ms switch
    {
        >= 60_000 when ms % 60_000 == 0 => $"{ms / 60_000} min",
        >= 1_000 => (ms / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s",
        _ => $"{Math.Max(ms, 0)} ms",
    };

    /// <summary>The WATCH cell of <c>status</c>: "-" before the first attempt.</summary>
    public static string Describe(WatchStatus? watch, DateTimeOffset now) => watch switch
    {
        null => "-",
        { State: WatchStatus.Connected, Since: { } since } =>
            $"connected for {StatusTable.Ago(since, now)}",
        { State: WatchStatus.Lost, Since: { } since } =>
            $"lost {StatusTable.Ago(since, now)} ago ({watch.Reason})",
        { State: WatchStatus.NotConnected } => $"not connected: {watch.Reason}",
        { State: WatchStatus.NotWatchable, Until: { } until } =>
            $"not watchable until {until.ToOffset(now.Offset):HH:mm:ss}: {watch.Reason}",
        { State: WatchStatus.Off } => "off",
        _ => watch.State,
    };
}
