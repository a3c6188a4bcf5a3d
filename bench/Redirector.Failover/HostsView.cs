namespace Redirector.Failover;

/// <summary>What one read of the hosts file showed: the block's entries (name to address) or,
/// when the text broke a rule, why. A text without any block is valid (before the first write).</summary>
sealed record HostsView(bool HasBlock, IReadOnlyDictionary<string, string> Entries, string? Violation)
{
    static readonly IReadOnlyDictionary<string, string> NoEntries = new Dictionary<string, string>();

    public static HostsView Broken(string why) => new(false, NoEntries, why);

    public static HostsView Empty => new(false, NoEntries, null);

    public string? AddressOf(string name) => Entries.GetValueOrDefault(name);
}
