namespace Redirector.EndToEnd.Watching;

/// <summary>One LB of the shared run: its hostile backend, its normal one, which of the two the
/// entry must name throughout, and the connections the hostile one accepted (counted by the
/// server, read at the settle point and after the daemon stopped).</summary>
public sealed class HostilePeer(string lb, string hostile, string normal, string expected,
    Func<int> accepted)
{
    public string Lb { get; } = lb;
    public string HostName => $"{Lb}.test";
    public string Hostile { get; } = hostile;
    public string Normal { get; } = normal;
    public string Expected { get; } = expected;

    /// <summary>Hostile first (priority: it is the active one), except when it fails probes.</summary>
    public IReadOnlyList<string> Backends =>
        Expected == Hostile ? [Hostile, Normal] : [Normal, Hostile];

    public int AcceptedAtSettle { get; private set; }
    public int AcceptedAtEnd { get; private set; }

    /// <summary>Every distinct entry the hosts file gave this LB, in order (null: none yet).</summary>
    public List<string?> Entries { get; } = [];

    public void Settled() => AcceptedAtSettle = accepted();

    public void Ended() => AcceptedAtEnd = accepted();

    public void Saw(string? entry)
    {
        if (Entries.Count == 0 || Entries[^1] != entry) Entries.Add(entry);
    }
}
