using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>What the core knows of the hosts file.</summary>
public abstract record HostsView
{
    /// <summary>Not read yet, or a write was superseded and a new reading is awaited.</summary>
    public sealed record NotRead : HostsView;

    public sealed record Unreadable(string Reason) : HostsView;

    /// <summary>Read (or left as it was by a failed write), not yet compared with the entries.</summary>
    public sealed record Unchecked(string Text) : HostsView;

    /// <summary>The file holds this document and it holds the entries: a probe that changes
    /// nothing costs no parse of a large file.</summary>
    public sealed record Agrees(HostsDocument Document) : HostsView;

    /// <summary>The text cannot be edited safely (reported once).</summary>
    public sealed record Unusable(string Text, HostsError Error) : HostsView;

    /// <summary>A write of Next, computed from BasedOn, awaits its outcome.</summary>
    public sealed record Writing(HostsDocument Next, string BasedOn) : HostsView;

    public static readonly HostsView Unread = new NotRead();

    /// <summary>The text the file is known to hold, if any.</summary>
    public string? KnownText => this switch
    {
        Unchecked u => u.Text,
        Agrees a => a.Document.Text,
        Unusable u => u.Text,
        _ => null,
    };
}
