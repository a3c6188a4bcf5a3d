using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>A reference model of backend health written from the spec's words: the first
/// result decides; afterwards the status flips once the current run of equal results reaches
/// fall (failures) or rise (successes). Smoothed is the EWMA of successful durations.</summary>
public sealed record ModelBackend(Health Status, bool LastOk, int Run, double? Smoothed)
{
    public static readonly ModelBackend Unknown = new(Health.Unknown, false, 0, null);

    public bool IsUp => Status == Health.Up;

    /// <summary>Results in a row that contradict the status: the run, while it has not flipped
    /// the status yet.</summary>
    public int Streak => (Status == Health.Up && !LastOk) || (Status == Health.Down && LastOk)
        ? Run
        : 0;

    public ModelBackend Next(bool ok, double ms, int rise, int fall)
    {
        var run = Status != Health.Unknown && LastOk == ok ? Run + 1 : 1;
        var smoothed = ok ? (Smoothed is { } s ? s + Ewma.Alpha * (ms - s) : ms) : Smoothed;
        var status = Status switch
        {
            Health.Unknown => ok ? Health.Up : Health.Down,
            Health.Up when !ok && run >= fall => Health.Down,
            Health.Down when ok && run >= rise => Health.Up,
            var same => same,
        };
        return new(status, ok, run, smoothed);
    }
}
