namespace Redirector.Failover;

/// <summary>Totals over every daemon run of one build: hosts-file reads checked, reads that
/// broke a rule (half-written, damaged outside bytes), and stops that did not exit 0.</summary>
sealed class Integrity
{
    readonly List<string> reasons = new();

    public long Reads { get; private set; }
    public long Violations { get; private set; }
    public int Runs { get; private set; }
    public int CleanStops { get; private set; }

    public IReadOnlyList<string> Reasons => reasons;

    public void Add(HostsPoller poller, int? exitCode)
    {
        Reads += poller.Reads;
        Violations += poller.ViolationCount;
        Runs++;
        if (exitCode == 0) CleanStops++;
        foreach (var r in poller.Violations)
            if (reasons.Count < 10) reasons.Add(r);
    }
}
