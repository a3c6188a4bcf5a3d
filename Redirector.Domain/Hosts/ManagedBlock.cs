using LanguageExt;

namespace Redirector.Domain.Hosts;

/// <summary>Where the managed block sits in a hosts text: [Start, End) covers the BEGIN line
/// through the END line and its terminator. Newline is the BEGIN line's terminator and
/// Trailer the END line's, so a re-render keeps the file's own line-ending style.</summary>
public sealed record ManagedBlock(
    int Start, int End, int BeginLine, Seq<HostsEntry> Entries, string Newline, string Trailer);
