namespace Redirector.Shell.HostsFiles;

/// <summary>How a hosts write ended. InPlace is a success the daemon should warn about once:
/// a reader could have seen a half-written file.</summary>
public abstract record WriteOutcome
{
    public sealed record Atomic : WriteOutcome;

    /// <summary>Written in place and verified by reading back; Why: why not by rename.</summary>
    public sealed record InPlace(string Why) : WriteOutcome;

    /// <summary>Nothing usable was written; the file is unchanged unless Reason says so.</summary>
    public sealed record Failed(string Reason) : WriteOutcome;

    /// <summary>Not written: another program changed the file since the text was computed
    /// from it. Not a failure: decide again from the new text.</summary>
    public sealed record Superseded(string Reason) : WriteOutcome;

    public bool Succeeded => this is Atomic or InPlace;

    /// <summary>Why nothing was written, or null when it was.</summary>
    public string? Problem => this switch
    {
        Failed f => f.Reason,
        Superseded s => s.Reason,
        _ => null,
    };
}
