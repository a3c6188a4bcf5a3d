using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>One backend's health: its status, how many results in a row have contradicted it,
/// the address of its latest successful probe and its smoothed probe time in milliseconds.</summary>
public sealed record BackendHealth(
    Health Status, int Streak, Option<IpLiteral> Address, Option<double> SmoothedMs)
{
    public static readonly BackendHealth Unknown = new(Health.Unknown, 0, None, None);

    public bool IsUp => Status == Health.Up;

    /// <summary>The first result decides; later, fall failures in a row mark an up backend down
    /// and rise successes in a row mark a down one up. A success is only one with an address
    /// (the probed one, else the backend's own literal), since only an address can be
    /// written.</summary>
    public BackendHealth Observe(bool ok, Option<IpLiteral> address, double ms, int rise, int fall)
    {
        var next = ok
            ? this with
            {
                Address = address,
                SmoothedMs = Ewma.Next(SmoothedMs.IsSome ? (double)SmoothedMs : null, ms),
            }
            : this;
        return Status switch
        {
            Health.Unknown => next with { Status = ok ? Health.Up : Health.Down, Streak = 0 },
            Health.Up when ok => next with { Streak = 0 },
            Health.Up => Streak + 1 >= fall
                ? next with { Status = Health.Down, Streak = 0 }
                : next with { Streak = Streak + 1 },
            _ when !ok => next with { Streak = 0 },
            _ => Streak + 1 >= rise
                ? next with { Status = Health.Up, Streak = 0 }
                : next with { Streak = Streak + 1 },
        };
    }
}
