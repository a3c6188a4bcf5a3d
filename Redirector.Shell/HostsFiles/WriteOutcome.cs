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

    public bool Succeeded => this is not Failed;
}
