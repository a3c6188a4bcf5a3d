using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>Where one LB is. Each phase holds only what it means: there is no active backend
/// before the first decision, and no pending set outside a failover.</summary>
public abstract record LbPhase
{
    /// <summary>Before the first decision. Remembered: the address the block named at start
    /// (its entry stays in the block meanwhile); Reloaded: restarted by a reload, so a
    /// decision that keeps the entry is no news.</summary>
    public sealed record Deciding(Option<IpLiteral> Remembered, bool Reloaded) : LbPhase;

    /// <summary>The entry names the active backend.</summary>
    public sealed record Serving(int Active, HostsEntry Entry) : LbPhase;

    /// <summary>The active backend went down; the entry stays until the strategy's pick has
    /// reported since (Pending marks the candidates that have not).</summary>
    public sealed record Confirming(int Active, HostsEntry Entry, Arr<Confirmation> Pending)
        : LbPhase;

    /// <summary>No backend is healthy. LastActive lets sequential go on from it; Entry is kept
    /// with on_all_down: keep.</summary>
    public sealed record AllDown(Option<int> LastActive, Option<HostsEntry> Entry) : LbPhase;
}
