using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Properties.Decision.World;

/// <summary>One thing that happens to the daemon in a generated scenario. Slots and indexes
/// are taken modulo what is configured when the act is played, so every act means something
/// whatever the reloads before it did.</summary>
public abstract record WorldAct
{
    /// <summary>Probe results of the running schedules, stamped with their generation.</summary>
    public sealed record Probes(Seq<Probe> Results) : WorldAct;

    /// <summary>A late result of a schedule that was stopped (an older generation, or an LB no
    /// longer configured).</summary>
    public sealed record Stale(int Slot, int Index, bool Ok, bool Removed) : WorldAct;

    public sealed record Reload(ReloadKind Kind, int Slot, LbShape Shape) : WorldAct;

    /// <summary>Another program edits the hosts file, and the daemon reads it.</summary>
    public sealed record Edit(EditKind Kind) : WorldAct;

    /// <summary>The hosts file cannot be read (until <see cref="Readable"/>).</summary>
    public sealed record Unreadable : WorldAct;

    public sealed record Readable : WorldAct;

    /// <summary>The next write fails (nothing written, or the old bytes put back).</summary>
    public sealed record FailNextWrite(bool Restored) : WorldAct;

    public override string ToString() => this switch
    {
        Probes p => "probe " + string.Join(",", p.Results.Map(r => r.ToString())),
        Stale s => $"stale {s.Slot}/{s.Index}{(s.Ok ? "+" : "-")}{(s.Removed ? " removed" : "")}",
        Reload r => $"reload {r.Kind} {r.Slot} {r.Shape}",
        Edit e => $"edit {e.Kind}",
        Unreadable => "unreadable",
        Readable => "readable",
        FailNextWrite f => f.Restored ? "fail next write (restored)" : "fail next write",
        _ => GetType().Name,
    };
}

public sealed record Probe(int Slot, int Index, bool Ok, int Ms)
{
    public override string ToString() => $"{Slot}/{Index}{(Ok ? "+" : "-")}{Ms}";
}

public enum ReloadKind { Add, Remove, Change }

public enum EditKind { AppendOutside, DropBlock, ForeignEntry }

/// <summary>What an LB of the pool is: the rest (names, addresses) follows from its name.</summary>
public sealed record LbShape(Strategy Strategy, int Backends, int Rise, int Fall, OnAllDown OnAllDown)
{
    public LbConfig For(string name) =>
        Some.DecisionLb(name, Strategy, Backends, Rise, Fall, OnAllDown);

    public override string ToString() =>
        $"{Strategy.Kind} n={Backends} rise={Rise} fall={Fall} {OnAllDown}";
}

/// <summary>A generated run: the LBs configured at start (by pool name), the hosts text, what
/// happens, and whether it ends with a stop (persist_hosts_block: false removes the block).
/// </summary>
public sealed record WorldScenario(
    Seq<(string Name, LbShape Shape)> Start, string Text, Seq<WorldAct> Acts, bool Stop,
    bool Persist, ulong Seed)
{
    public static readonly Seq<string> Pool = Prelude.Seq("alpha", "bravo", "charlie", "delta");

    public override string ToString() =>
        $"start [{string.Join("; ", Start.Map(s => $"{s.Name}: {s.Shape}"))}] text " +
        $"{Text.Length} chars stop={Stop} persist={Persist} seed={Seed}\n  " +
        string.Join("\n  ", Acts.Map(a => a.ToString()));
}
