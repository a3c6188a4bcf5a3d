using System.Globalization;
using System.Text;

namespace Redirector.Shell.Observing;

/// <summary>The readable form of a status snapshot: one line about the daemon, then for each
/// LB its active backend and how long it has been active, and a row per backend with its
/// state, latest probe and watch connection. Times are shown relative to
/// <paramref name="now"/>, clock times in its offset.</summary>
static class StatusTable
{
    public static string Render(StatusSnapshot s, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"redirector pid {s.Pid}, up {Ago(s.StartedAt, now)}, status written " +
            $"{Ago(s.WrittenAt, now)} ago; hosts file {s.HostsFile}\n");
        if (!s.FirstDecisionsMade) text.Append("first probe round not complete yet\n");
        foreach (var lb in s.Lbs)
        {
            text.Append('\n').Append(Heading(lb, now)).Append('\n');
            var rows = new List<string[]> { Header };
            rows.AddRange(lb.Backends.Select(b => Row(lb, b, now)));
            text.Append(TextTable.Render("  ", rows));
        }
        if (s.Lbs.Length == 0) text.Append("\nno load balancers configured\n");
        return text.ToString();
    }

    static readonly string[] Header =
        ["  BACKEND", "STATE", "ADDRESS", "LAST PROBE", "LATENCY", "AVERAGE", "REASON", "WATCH"];

    static string Heading(LbStatus lb, DateTimeOffset now)
    {
        var where = $"{lb.Name} ({lb.LocalHost}, {lb.Strategy})";
        var active = lb.Active is null
            ? "no active backend"
            : $"active {lb.Active}" + (lb.Address == lb.Active ? "" : $" ({lb.Address})") +
              (lb.ActiveSince is { } since ? $" for {Ago(since, now)}" : "");
        return $"{where}: {active}" + (lb.AllDown ? "; ALL BACKENDS DOWN" : "");
    }

    static string[] Row(LbStatus lb, BackendStatus b, DateTimeOffset now) =>
    [
        (b.Host == lb.Active ? "* " : "  ") + b.Host,
        b.State,
        b.Address ?? "-",
        b.LastProbe is { } p ? $"{(p.Ok ? "ok" : "failed")} {Ago(p.At, now)} ago" : "none yet",
        b.LastProbe is { } q ? Ms(q.LatencyMs) : "-",
        b.SmoothedMs is { } avg ? Ms(avg) : "-",
        b.LastProbe?.Reason ?? "-",
        WatchText.Describe(b.Watch, now),
    ];

    static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A duration as people read it: 0.4s, 12s, 3m05s, 2h10m, 3d4h.</summary>
    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var d = now - then;
        if (d < TimeSpan.Zero) d = TimeSpan.Zero;
        return d.TotalSeconds switch
        {
            < 10 => d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
            < 60 => $"{(int)d.TotalSeconds}s",
            < 3600 => $"{(int)d.TotalMinutes}m{d.Seconds:00}s",
            < 86400 => $"{(int)d.TotalHours}h{d.Minutes:00}m",
            _ => $"{(int)d.TotalDays}d{d.Hours}h",
        };
    }
}
