namespace Redirector.Domain.Decision;

/// <summary>Where a backend's watch connection is. Each phase holds only what it means: a
/// connection has a start time only while connected, a reason only while not watchable.
/// </summary>
public abstract record WatchPhase
{
    /// <summary>No connection, none asked for: one may be opened after the next up probe.</summary>
    public sealed record Closed : WatchPhase;

    /// <summary>An <see cref="Effect.OpenWatch"/> is out; its answer has not come.</summary>
    public sealed record Opening : WatchPhase;

    /// <summary>The connection is established since Since (the shell's clock, ms).</summary>
    public sealed record Connected(long Since) : WatchPhase;

    /// <summary>The backend keeps ending or refusing watch connections: none is opened before
    /// Until; Reason says why, for the status.</summary>
    public sealed record NotWatchable(long Until, string Reason) : WatchPhase;
}
