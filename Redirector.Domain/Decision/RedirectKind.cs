namespace Redirector.Domain.Decision;

/// <summary>What a <see cref="Effect.Redirected"/> reports, so a log line can say it in its own
/// words instead of reading it out of a reason text.</summary>
public enum RedirectKind
{
    /// <summary>The LB's first decision (at start, or after a reload changed the LB).</summary>
    Chosen,

    /// <summary>The first decision kept the backend the block already named (a restart).</summary>
    Kept,

    /// <summary>The entry moved from one backend to another.</summary>
    Moved,

    /// <summary>A backend recovered after all were down.</summary>
    Recovered,

    /// <summary>The same backend at a new address (its host name now resolves elsewhere).
    /// </summary>
    Readdressed,
}
