using LanguageExt;

namespace Redirector.Domain.Config;

/// <summary>An LB as read, with the positions that cross-file rules point at: its name and
/// each of its hosts-file names (local_host first, then the aliases); and where an http
/// check's cacerts is (None without one), for the shell's check that the file is there.</summary>
public sealed record PositionedLb(LbConfig Lb, SourcePosition NameAt, Seq<SourcePosition> NamesAt)
{
    public SourcePosition CaCertsAt { get; init; } = SourcePosition.None;
}
