using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision.World;

/// <summary>Plays a <see cref="WorldScenario"/> as the daemon would (the shell's part done in
/// memory: a hosts text, a write plan, schedules by generation, ProbeNow answered with each
/// backend's latest result) and checks the step against reference models written from the
/// spec, not from the core: backend health (<see cref="ModelBackend"/>), which LB is running
/// under which generation, which backends each LB has heard from since it (re)started, and the
/// bytes outside the block. A broken rule is noted under its name.</summary>
public sealed partial class WorldRun
{
    readonly List<string> violations = [];
    readonly List<string> notes = [];
    int acts;
    readonly Queue<WriteResult> plan = new();
    readonly Dictionary<string, int> schedules = [];
    readonly Dictionary<BackendKey, ProbeResult> latest = [];
    readonly Dictionary<string, (LbConfig Config, int Generation, ModelBackend[] Health,
        System.Collections.Generic.HashSet<int> Heard)> model = [];
    readonly MainConfig main;
    State state;
    string text;
    string outside;
    bool unreadable;
    bool written;
    bool failedInAct;
    bool steppedInAct;
    bool couldDecide;
    int generation;
    long now;

    public Seq<string> Violations => toSeq(violations.ToArray());

    /// <summary>Where each broken rule was first seen, for the failure report.</summary>
    public Seq<string> Notes => toSeq(notes.ToArray());

    /// <summary>What the run went through, for coverage counts.</summary>
    public int Writes { get; private set; }
    public int FailedWrites { get; private set; }
    public int StaleSteps { get; private set; }
    public int Redirects { get; private set; }
    public int MaxLbs { get; private set; }

    WorldRun(WorldScenario sc)
    {
        main = Some.DecisionMain with { PersistHostsBlock = sc.Persist };
        state = Decider.Initial(sc.Seed);
        text = sc.Text;
        outside = OutsideModel.Of(sc.Text);
    }

    public static WorldRun Play(WorldScenario sc)
    {
        var run = new WorldRun(sc);
        run.Step(new Input.HostsRead(0, new HostsReading.Text(sc.Text)));
        run.Load(toSeq(sc.Start.Map(s => s.Shape.For(s.Name)).ToArray()));
        foreach (var act in sc.Acts)
        {
            run.acts++;
            run.Act(act);
        }
        if (sc.Stop) run.Stop();
        return run;
    }

    Seq<LbConfig> Running => toSeq(model.Values.Select(m => m.Config).ToArray());

    void Load(Seq<LbConfig> lbs)
    {
        generation++;
        var config = new Configuration(main, toMap(lbs.Map(l => (l.Name, l))));
        foreach (var gone in model.Keys.Where(k => !config.Lbs.ContainsKey(k)).ToList())
            model.Remove(gone);
        foreach (var lb in lbs)
            if (!model.TryGetValue(lb.Name, out var m) || !m.Config.SameDefinition(lb))
                model[lb.Name] = (lb, generation,
                    Enumerable.Repeat(ModelBackend.Unknown, lb.Backends.Count).ToArray(), []);
            else model[lb.Name] = m with { Config = lb };
        MaxLbs = Math.Max(MaxLbs, model.Count);
        Step(new Input.ConfigLoaded(now, config, generation));
    }

    void Act(WorldAct act)
    {
        (failedInAct, steppedInAct) = (false, false);
        switch (act)
        {
            case WorldAct.Probes p:
                var results = p.Results.Choose(Observe).ToArray();
                if (results.Length > 0) Observed(toSeq(results));
                break;
            case WorldAct.Stale s:
                StaleStep(s);
                break;
            case WorldAct.Reload r:
                Load(Reloaded(r));
                break;
            case WorldAct.Edit e when !unreadable:
                text = e.Kind switch
                {
                    EditKind.AppendOutside => OutsideModel.AppendOutside(text),
                    EditKind.DropBlock => OutsideModel.Of(text),
                    _ => OutsideModel.ForeignEntry(text),
                };
                outside = OutsideModel.Of(text);
                Step(new Input.HostsRead(now, new HostsReading.Text(text)));
                break;
            case WorldAct.Unreadable:
                unreadable = true;
                Step(new Input.HostsRead(now, new HostsReading.Unreadable("permission denied")));
                break;
            case WorldAct.Readable:
                unreadable = false;
                Step(new Input.HostsRead(now, new HostsReading.Text(text)));
                break;
            case WorldAct.FailNextWrite f:
                plan.Enqueue(f.Restored
                    ? new WriteResult.Restored("in-place write failed; old bytes restored")
                    : new WriteResult.Failed("cannot write: read-only file system"));
                return;
            default:
                return;
        }
        CheckAfterAct();
    }

    Option<Observation> Observe(Probe p)
    {
        var lbs = Running;
        if (lbs.IsEmpty) return None;
        var lb = lbs[p.Slot % lbs.Count];
        var index = p.Index % lb.Backends.Count;
        var key = Some.Key(lb.Name, index);
        var result = p.Ok ? Some.ProbeOk(index, p.Ms) : Some.ProbeFailed;
        return new Observation(key, schedules.GetValueOrDefault(lb.Name), result);
    }

    Seq<LbConfig> Reloaded(WorldAct.Reload r)
    {
        var lbs = Running;
        var free = WorldScenario.Pool.Filter(n => !model.ContainsKey(n));
        return r.Kind switch
        {
            ReloadKind.Add when !free.IsEmpty =>
                lbs.Add(r.Shape.For(free[r.Slot % free.Count])),
            ReloadKind.Remove when !lbs.IsEmpty => lbs.Filter(l => l != lbs[r.Slot % lbs.Count]),
            _ when !lbs.IsEmpty => lbs.Map(l =>
                l == lbs[r.Slot % lbs.Count] ? r.Shape.For(l.Name) : l),
            _ => lbs,
        };
    }

    void Observed(Seq<Observation> results)
    {
        foreach (var o in results)
        {
            latest[o.Backend] = o.Result;
            if (!model.TryGetValue(o.Backend.Lb, out var m) || m.Generation != o.Generation)
                continue;
            var i = o.Backend.Index;
            var hc = m.Config.HealthCheck;
            m.Health[i] = m.Health[i].Next(o.Result.Ok, o.Result.Duration.TotalMilliseconds,
                hc.Rise, hc.Fall);
            m.Heard.Add(i);
        }
        Step(new Input.ProbesObserved(now, results));
    }

    void StaleStep(WorldAct.Stale s)
    {
        var lbs = Running;
        if (lbs.IsEmpty && !s.Removed) return;
        var name = s.Removed || lbs.IsEmpty ? "zulu" : lbs[s.Slot % lbs.Count].Name;
        var index = s.Removed || lbs.IsEmpty ? 0 : s.Index % lbs[s.Slot % lbs.Count].Backends.Count;
        var old = s.Removed ? generation : schedules.GetValueOrDefault(name) - 1;
        var stale = Seq1(new Observation(Some.Key(name, index), old,
            s.Ok ? Some.ProbeOk(index) : Some.ProbeFailed));
        var before = state;
        var (next, effects) = Decider.Step(before, new Input.ProbesObserved(now, stale));
        StaleSteps++;
        // Only a write a failure left to retry may go out on such a step; otherwise nothing
        // but the count changes.
        var retrying = before.Hosts is HostsView.Unchecked;
        if (!retrying && next != before with { StaleResults = before.StaleResults + 1 }
            || next.Lbs != before.Lbs || next.StaleResults != before.StaleResults + 1
            || effects.Exists(e => e is Effect.BackendWentUp or Effect.BackendWentDown
                or Effect.Redirected or Effect.AllBackendsDown or Effect.EntryRemoved
                or Effect.ProbeNow))
            Broke(StaleChanged);
        // Played for real too, so a write retried by this step is carried out.
        Step(new Input.ProbesObserved(now, stale));
    }

    void Stop()
    {
        failedInAct = false;
        var stopped = false;
        var effects = Step(new Input.Stopping(now));
        stopped = effects.Exists(e => e is Effect.Stopped);
        var clean = state.Phase == Lifecycle.Stopped && stopped;
        if (!main.PersistHostsBlock && !unreadable && !failedInAct && plan.Count == 0)
            clean &= !OutsideModel.HasBlock(text) && OutsideModel.Same(outside, text);
        if (main.PersistHostsBlock)
            clean &= !effects.Exists(e => e is Effect.WriteHosts);
        if (!clean) Broke(StopUnclean);
    }
}
