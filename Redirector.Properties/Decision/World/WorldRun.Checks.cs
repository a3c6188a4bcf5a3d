using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision.World;

/// <summary>The rules, each checked against the reference models and noted under its name.
/// </summary>
public sealed partial class WorldRun
{
    public const string WriteUnchanged = "a write that changes nothing";
    public const string WriteBeforeDecided = "a write before every LB could decide";
    public const string FailureReportedDone = "a failed write reported as done";
    public const string NotRetried = "the file does not hold the entries after a step";
    public const string UnhealthyEntry = "an entry naming a down backend while one is up";
    public const string StaleChanged = "a stale result changed an LB";
    public const string OutsideChanged = "bytes outside the block changed";
    public const string WriteWhileUnreadable = "a write while the file is unreadable";
    public const string StopUnclean = "the stop did not end as configured";

    void Check(Input input, State before, Seq<Effect> effects)
    {
        // Once every LB has been able to decide, an LB added later does not hold writes back.
        couldDecide |= generation > 0 && EveryLbCouldDecide();
        foreach (var w in effects.OfType<Effect.WriteHosts>())
        {
            if (w.Text == w.BasedOn) Broke(WriteUnchanged);
            if (unreadable) Broke(WriteWhileUnreadable);
            if (!written && before.Phase != Lifecycle.Stopping && !couldDecide)
                Broke(WriteBeforeDecided);
            written = true;
        }
        if (input is Input.WriteFinished { Result: not WriteResult.Written }
            && effects.Exists(e => e is Effect.HostsWritten or Effect.WriteRecovered
                or Effect.Ready or Effect.BlockRemoved))
            Broke(FailureReportedDone);
    }

    /// <summary>An LB can decide only after hearing from a backend since it (re)started;
    /// latency needs every backend's time.</summary>
    bool EveryLbCouldDecide() => model.Values.All(m =>
        m.Heard.Count > 0 && (m.Config.Strategy is not Strategy.Latency
                              || m.Heard.Count == m.Config.Backends.Count));

    void Broke(string rule)
    {
        if (!violations.Contains(rule))
            notes.Add($"{rule}: after act {acts}, {state.Phase}, hosts {state.Hosts.GetType().Name}, " +
                      $"text [{text.Replace("\n", "|")}], entries [" +
                      string.Join(", ", state.Entries.Map(e => $"{e.Address.Value} {e.Name.Value}")) +
                      "]");
        violations.Add(rule);
    }

    void CheckAfterAct()
    {
        if (!unreadable && !OutsideModel.Same(outside, OutsideModel.Of(text)))
            Broke(OutsideChanged);
        if (!state.Started) return;
        foreach (var (name, m) in model)
        {
            if (state.Lbs.Find(name).Case is not LbState lb || !lb.Decided) continue;
            if (!m.Health.Any(h => h.IsUp)) continue;
            var named = lb.Entry.Map(e => int.Parse(e.Address.Value.Split('.')[3]) - 1);
            if (!named.Exists(i => i < m.Health.Length && m.Health[i].IsUp))
                Broke(UnhealthyEntry);
        }
        if (unreadable || failedInAct || !steppedInAct) return;
        var inFile = HostsDocument.Parse(text).Map(d => d.Entries);
        if (!inFile.Exists(entries => entries == state.Entries))
            Broke(NotRetried);
    }
}
