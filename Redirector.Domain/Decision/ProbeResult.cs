using LanguageExt;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>What one probe of one backend observed, up or down. Only the two cases exist (the
/// constructor is private), and an up result always has the address to write: the one that
/// answered (after resolving a host name), else the backend's own literal.</summary>
public abstract record ProbeResult
{
    ProbeResult(TimeSpan duration) => Duration = duration;

    /// <summary>How long the probe took, up or down.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The backend answered as its check asks. <paramref name="Detail"/> is what was
    /// seen ("connected", "status 200"), for logs and the status.</summary>
    public sealed record Up(IpLiteral Address, TimeSpan Duration, string Detail = "")
        : ProbeResult(Duration)
    {
        public new IpLiteral Address { get; init; } = Address;
    }

    /// <summary>The backend did not answer as its check asks. <paramref name="Tried"/> is the
    /// address the probe was talking to when it failed, if it got that far.</summary>
    public sealed record Down(Failure Failure, TimeSpan Duration, Option<IpLiteral> Tried = default)
        : ProbeResult(Duration);

    // Members every consumer used before the two cases existed; they read the same.

    public bool Ok => this is Up;

    /// <summary>An up result's detail or a down result's failure text.</summary>
    public string Reason => this is Up up ? up.Detail : ((Down)this).Failure.Text;

    /// <summary>The address that answered (up) or was tried (down).</summary>
    public Option<IpLiteral> Address => this is Up up ? Some(up.Address) : ((Down)this).Tried;
}
