using Redirector.Domain.Decision;

namespace Redirector.Shell.HostsFiles;

/// <summary>How a hosts write ended. InPlace is a success the daemon should warn about once:
/// a reader could have seen a half-written file.</summary>
public abstract record WriteOutcome
{
    public sealed record Atomic : WriteOutcome;

    /// <summary>Written in place and verified by reading back; Why: why not by rename.</summary>
    public sealed record InPlace(string Why) : WriteOutcome;

    /// <summary>Nothing was written: the file is as it was.</summary>
    public sealed record Failed(string Reason) : WriteOutcome;

    /// <summary>An in-place write failed after it had changed bytes, and the old bytes were
    /// written back: the file is as it was, but readers may have seen a mix meanwhile.</summary>
    public sealed record Restored(string Reason) : WriteOutcome;

    /// <summary>An in-place write failed after it had changed bytes, and the old bytes could
    /// not be written back: the file holds a mix of old and new. An operator must look.</summary>
    public sealed record Damaged(string Reason) : WriteOutcome;

    /// <summary>Not written: another program changed the file since the text was computed
    /// from it. Not a failure: decide again from the new text.</summary>
    public sealed record Superseded(string Reason) : WriteOutcome;

    public bool Succeeded => this is Atomic or InPlace;

    /// <summary>The outcome as the core takes it.</summary>
    public WriteResult ToResult() => this switch
    {
        Atomic => new WriteResult.Written(false, ""),
        InPlace p => new WriteResult.Written(true, p.Why),
        Failed f => new WriteResult.Failed(f.Reason),
        Restored r => new WriteResult.Restored(r.Reason),
        Damaged d => new WriteResult.Damaged(d.Reason),
        Superseded s => new WriteResult.Superseded(s.Reason),
        _ => throw new InvalidOperationException($"unknown outcome {this}"),
    };

    /// <summary>Why nothing (usable) was written, or null when it was.</summary>
    public string? Problem => this switch
    {
        Failed f => f.Reason,
        Restored r => r.Reason,
        Damaged d => d.Reason,
        Superseded s => s.Reason,
        _ => null,
    };
}
