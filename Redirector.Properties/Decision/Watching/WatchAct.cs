using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Properties.Decision.Watching;

/// <summary>One thing that happens to the daemon in a generated watch scenario, After ms after
/// the one before. Slots, indexes and picks are taken modulo what exists when the act is
/// played, so every act means something whatever came before it.</summary>
public abstract record WatchAct(int After)
{
    /// <summary>Probe results of the running schedules (slot: LB, index: backend).</summary>
    public sealed record Probes(int After, Seq<(int Slot, int Index, bool Ok)> Results)
        : WatchAct(After);

    /// <summary>The shell answers one of the watches it was asked to open or holds open.</summary>
    public sealed record Answer(int After, AnswerKind Kind, int Pick) : WatchAct(After);

    /// <summary>A watch input that matches no watch the shell holds: an older or newer
    /// generation, an LB not configured, a backend not listed, or one in another phase.</summary>
    public sealed record Stray(int After, StrayKind Kind, int Slot, int Index) : WatchAct(After);

    /// <summary>A reload changing the LB in Slot to Shape (Same: the config loaded again).</summary>
    public sealed record Reload(int After, bool Same, int Slot, WatchShape Shape) : WatchAct(After);

    public override string ToString() => $"+{After} " + this switch
    {
        Probes p => "probe " + string.Join(",", p.Results.Map(r =>
            $"{r.Slot}/{r.Index}{(r.Ok ? "+" : "-")}")),
        Answer a => $"{a.Kind} #{a.Pick}",
        Stray s => $"stray {s.Kind} {s.Slot}/{s.Index}",
        Reload r => r.Same ? "reload same" : $"reload {r.Slot} {r.Shape}",
        _ => GetType().Name,
    };
}

public enum AnswerKind { Opened, Lost, Failed }

public enum StrayKind { OldGeneration, NewGeneration, UnknownLb, UnknownBackend, AnyPhase }

/// <summary>An LB of the watch scenarios: the rest follows from its name.</summary>
public sealed record WatchShape(
    Strategy Strategy, int Backends, int Rise, int Fall, bool Watch, int PeriodMs,
    Option<int> FastMs)
{
    public LbConfig For(string name)
    {
        var lb = Some.DecisionLb(name, Strategy, Backends, Rise, Fall);
        return lb with
        {
            HealthCheck = new HealthCheck.Tcp(TimeSpan.FromMilliseconds(PeriodMs), Rise, Fall,
                lb.HealthCheck.Port, lb.HealthCheck.Timeout)
            {
                Watch = Watch, FastIntervalSetting = FastMs.Map(ms => TimeSpan.FromMilliseconds(ms)),
            },
        };
    }

    public override string ToString() =>
        $"{Strategy.Kind} n={Backends} rise={Rise} fall={Fall} watch={Watch} " +
        $"period={PeriodMs} fast={FastMs.Map(f => f.ToString()).IfNone("-")}";
}

public sealed record WatchScenario(Seq<WatchShape> Start, Seq<WatchAct> Acts, ulong Seed)
{
    public static readonly Seq<string> Pool = Prelude.Seq("alpha", "bravo");

    public override string ToString() =>
        $"start [{string.Join("; ", Start.Map(s => s.ToString()))}] seed={Seed}\n  " +
        string.Join("\n  ", Acts.Map(a => a.ToString()));
}
