namespace Redirector.Domain.Decision;

/// <summary>What reading the hosts file gave. A missing file in an existing folder reads as
/// empty text: the first write creates it.</summary>
public abstract record HostsReading
{
    public sealed record Text(string Value) : HostsReading;

    public sealed record Unreadable(string Reason) : HostsReading;
}
