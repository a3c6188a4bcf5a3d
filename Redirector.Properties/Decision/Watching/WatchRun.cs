using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision.Watching;

/// <summary>Plays a <see cref="WatchScenario"/> as the daemon would (the shell's part in
/// memory: the watches it was asked to open and holds open, closed silently by StopProbing;
/// writes that succeed) and checks every step against <see cref="WatchModel"/> and against
/// rules read off the effects alone. A broken rule is noted under its name.</summary>
public sealed partial class WatchRun
{
    readonly List<string> violations = [];
    readonly List<string> notes = [];
    readonly WatchModel model = new();
    readonly Dictionary<string, int> schedules = [];
    readonly List<(BackendKey Key, int Generation)> asked = [];
    readonly List<(BackendKey Key, int Generation)> connected = [];
    State state;
    string text = Some.DecisionHostsText;
    int generation;
    int act;
    long now;

    public Seq<string> Violations => toSeq(violations.ToArray());
    public Seq<string> Notes => toSeq(notes.ToArray());

    /// <summary>What the run went through, for coverage counts.</summary>
    public Dictionary<string, int> Seen { get; } = [];

    WatchRun(ulong seed) => state = Decider.Initial(seed);

    public static WatchRun Play(WatchScenario sc)
    {
        var run = new WatchRun(sc.Seed);
        run.Step(new Input.HostsRead(0, new HostsReading.Text(run.text)));
        run.Load(toSeq(sc.Start.Select((s, i) => s.For(WatchScenario.Pool[i])).ToArray()));
        foreach (var a in sc.Acts)
        {
            run.act++;
            run.now += a.After;
            run.Play(a);
        }
        return run;
    }

    Seq<LbConfig> Running => toSeq(model.Lbs.Values.Select(l => l.Config).ToArray());

    void Load(Seq<LbConfig> lbs)
    {
        generation++;
        model.Load(lbs, generation);
        Step(new Input.ConfigLoaded(now, Some.DecisionConfig(lbs.ToArray()), generation));
    }

    void Play(WatchAct a)
    {
        switch (a)
        {
            case WatchAct.Probes p:
                Probed(p);
                break;
            case WatchAct.Answer answer:
                Answered(answer);
                break;
            case WatchAct.Stray stray:
                Strayed(stray);
                break;
            case WatchAct.Reload r:
                Load(Reloaded(r));
                Count("reload");
                break;
        }
    }

    Seq<LbConfig> Reloaded(WatchAct.Reload r)
    {
        var lbs = Running;
        if (r.Same) return lbs;
        if (r.Slot < lbs.Count)
            return lbs.Map(l => l == lbs[r.Slot] ? r.Shape.For(l.Name) : l);
        var free = WatchScenario.Pool.Filter(n => !model.Lbs.ContainsKey(n));
        return free.IsEmpty ? lbs : lbs.Add(r.Shape.For(free.Head));
    }

    void Probed(WatchAct.Probes p)
    {
        var lbs = Running;
        var results = p.Results.Map(r =>
        {
            var lb = lbs[r.Slot % lbs.Count];
            var i = r.Index % lb.Backends.Count;
            return new Observation(Some.Key(lb.Name, i), schedules.GetValueOrDefault(lb.Name),
                r.Ok ? Some.ProbeOk(i) : Some.ProbeFailed);
        });
        var (opens, reprobes) = model.Observed(results, now);
        var effects = Step(new Input.ProbesObserved(now, results));
        CheckOpens(results, effects, opens);
        CheckReprobes(effects, reprobes);
    }

    void Answered(WatchAct.Answer a)
    {
        var from = a.Kind == AnswerKind.Lost ? connected : asked;
        if (from.Count == 0) return;
        var (key, gen) = from[a.Pick % from.Count];
        from.Remove((key, gen));
        if (a.Kind == AnswerKind.Opened) connected.Add((key, gen));
        Input input = a.Kind switch
        {
            AnswerKind.Opened => new Input.WatchOpened(now, key, gen),
            AnswerKind.Lost => new Input.WatchLost(now, key, gen, "closed by the peer"),
            _ => new Input.WatchFailed(now, key, gen, "connection refused"),
        };
        Watched(input);
    }

    /// <summary>Every stray input matches no watch being opened or connected, by construction:
    /// one that would is turned into one of another phase.</summary>
    void Strayed(WatchAct.Stray s)
    {
        var lbs = Running;
        var lb = lbs[s.Slot % lbs.Count];
        var index = s.Index % lb.Backends.Count;
        var key = s.Kind switch
        {
            StrayKind.UnknownLb => Some.Key("zulu", index),
            StrayKind.UnknownBackend => new BackendKey(lb.Name, "10.0.0.9", 80),
            _ => Some.Key(lb.Name, index),
        };
        var gen = schedules.GetValueOrDefault(lb.Name) + s.Kind switch
        {
            StrayKind.OldGeneration => -1,
            StrayKind.NewGeneration => 1,
            _ => 0,
        };
        var kind = (s.Index % 3, model.PhaseOf(key)) switch
        {
            (_, WatchModel.Phase.Opening) => AnswerKind.Lost,
            (_, WatchModel.Phase.Connected) => AnswerKind.Failed,
            (var k, _) => (AnswerKind)k,
        };
        Input input = kind switch
        {
            AnswerKind.Opened => new Input.WatchOpened(now, key, gen),
            AnswerKind.Lost => new Input.WatchLost(now, key, gen, "reset by the peer"),
            _ => new Input.WatchFailed(now, key, gen, "timed out"),
        };
        Count("stray");
        Watched(input);
    }

    void Watched(Input input)
    {
        var before = state;
        var serving = before.Lbs.Values
            .Where(l => l.Phase is LbPhase.Serving)
            .Select(l => l.KeyOf(((LbPhase.Serving)l.Phase).Active))
            .ToList();
        var key = input switch
        {
            Input.WatchOpened o => o.Backend,
            Input.WatchLost l => l.Backend,
            _ => ((Input.WatchFailed)input).Backend,
        };
        var expected = model.Answer(input,
            serving.Contains(key) ? Some(key) : Option<BackendKey>.None);
        var effects = Step(input);
        CheckWatchInput(input, before, effects, expected);
    }

    Seq<Effect> Step(Input input)
    {
        var (next, effects) = Decider.Step(state, input);
        state = next;
        var all = new List<Effect>(effects);
        foreach (var effect in effects)
            switch (effect)
            {
                case Effect.OpenWatch o:
                    asked.Add((o.Backend, o.Generation));
                    Count("open");
                    break;
                case Effect.StartProbing start:
                    schedules[start.Lb.Name] = start.Generation;
                    break;
                case Effect.StopProbing stop:
                    schedules.Remove(stop.Lb);
                    asked.RemoveAll(w => w.Key.Lb == stop.Lb && w.Generation == stop.Generation);
                    connected.RemoveAll(w =>
                        w.Key.Lb == stop.Lb && w.Generation == stop.Generation);
                    break;
                case Effect.WriteHosts w:
                    text = w.Text;
                    all.AddRange(Step(new Input.WriteFinished(now,
                        new WriteResult.Written(false, ""))));
                    break;
                case Effect.ReadHosts:
                    all.AddRange(Step(new Input.HostsRead(now, new HostsReading.Text(text))));
                    break;
            }
        return toSeq(all.ToArray());
    }

    void Count(string what) => Seen[what] = Seen.GetValueOrDefault(what) + 1;

    void Broke(string rule, string detail)
    {
        if (!violations.Contains(rule)) notes.Add($"{rule}: act {act} at {now}: {detail}");
        violations.Add(rule);
    }
}
