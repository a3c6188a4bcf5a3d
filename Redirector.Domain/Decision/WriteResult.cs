namespace Redirector.Domain.Decision;

/// <summary>How a <see cref="Effect.WriteHosts"/> ended, as the shell's writer saw it.</summary>
public abstract record WriteResult
{
    /// <summary>The file holds the text. InPlace: not by rename (Why says why), so a reader
    /// may have seen it half-written.</summary>
    public sealed record Written(bool InPlace, string Why) : WriteResult;

    /// <summary>Nothing was written: the file is as it was.</summary>
    public sealed record Failed(string Reason) : WriteResult;

    /// <summary>An in-place write failed midway and the old bytes were put back.</summary>
    public sealed record Restored(string Reason) : WriteResult;

    /// <summary>An in-place write failed midway and the old bytes could not be put back.</summary>
    public sealed record Damaged(string Reason) : WriteResult;

    /// <summary>Not written: the file no longer held the text the decision was based on.</summary>
    public sealed record Superseded(string Reason) : WriteResult;

    /// <summary>Why nothing usable was written, or null when it was.</summary>
    public string? Problem => this switch
    {
        Failed f => f.Reason,
        Restored r => r.Reason,
        Damaged d => d.Reason,
        Superseded s => s.Reason,
        _ => null,
    };
}
