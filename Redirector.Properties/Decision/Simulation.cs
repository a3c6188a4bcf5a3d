using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>Plays the shell's part in tests: steps the core and carries out what it returns on
/// an in-memory hosts text (never a file). WriteHosts takes the next planned outcome (written,
/// by default) and steps it back; ProbeNow is answered at once with each backend's latest
/// result (the world has not changed since); StartProbing/StopProbing keep the generation each
/// LB is probed under, which stamps observed results as the scheduler would; ReadHosts is
/// answered with the text. Last holds every effect of the last step, answers included.</summary>
public sealed record Simulation(
    State State, string Text, Seq<Effect> Last, int Writes, HashMap<BackendKey, ProbeResult> World)
{
    public Map<string, int> Schedules { get; init; }
    public long Now { get; init; }
    public Seq<WriteResult> Outcomes { get; init; }
    public int Generation { get; init; }

    public static readonly WriteResult Written = new WriteResult.Written(false, "");

    public static Simulation Start(Configuration config, string text = Some.DecisionHostsText,
        ulong seed = 1) =>
        new Simulation(Decider.Initial(seed), text, Empty, 0, HashMap<BackendKey, ProbeResult>())
            .Step(new Input.HostsRead(0, new HostsReading.Text(text)))
            .Reload(config);

    /// <summary>Steps a configuration under the next generation.</summary>
    public Simulation Reload(Configuration config)
    {
        var generation = Generation + 1;
        return (this with { Generation = generation })
            .Step(new Input.ConfigLoaded(Now, config, generation));
    }

    /// <summary>Another program replaced the text; the shell noticed and read it.</summary>
    public Simulation Edited(string text) =>
        (this with { Text = text }).Step(new Input.HostsRead(Now, new HostsReading.Text(text)));

    public Simulation Step(Input input)
    {
        var world = input is Input.ProbesObserved p
            ? p.Results.Fold(World, (w, o) => w.AddOrUpdate(o.Backend, o.Result))
            : World;
        var (state, effects) = Decider.Step(State, input);
        var sim = this with { State = state, World = world, Now = Now + 1 };
        var all = new List<Effect>();
        foreach (var effect in effects)
        {
            all.Add(effect);
            var (next, answered) = sim.CarryOut(effect);
            sim = next;
            all.AddRange(answered);
        }
        return sim with { Last = toSeq(all.ToArray()) };
    }

    /// <summary>The simulation after the effect, and the effects of any step it caused.</summary>
    (Simulation, Seq<Effect>) CarryOut(Effect effect)
    {
        switch (effect)
        {
            case Effect.WriteHosts w:
                var outcome = Outcomes.HeadOrNone().IfNone(Written);
                var after = this with
                {
                    Outcomes = Outcomes.Tail, Writes = Writes + 1,
                    Text = outcome is WriteResult.Written ? w.Text : Text,
                };
                return Answer(after.Step(new Input.WriteFinished(Now, outcome)));
            case Effect.StartProbing start:
                return (this with
                {
                    Schedules = Schedules.AddOrUpdate(start.Lb.Name, start.Generation),
                }, Empty);
            case Effect.StopProbing stop when Schedules.Find(stop.Lb) == Some(stop.Generation):
                return (this with { Schedules = Schedules.Remove(stop.Lb) }, Empty);
            case Effect.ReadHosts:
                return Answer(Step(new Input.HostsRead(Now, new HostsReading.Text(Text))));
            case Effect.ProbeNow now:
                var asked = toSeq(now.Backends
                    .SelectMany(k => World.Find(k).Map(r => Stamp(new Observation(k, 0, r))))
                    .ToArray());
                return asked.IsEmpty
                    ? (this, Empty)
                    : Answer(Step(new Input.ProbesObserved(Now, asked)));
            default:
                return (this, Empty);
        }
    }

    static (Simulation, Seq<Effect>) Answer(Simulation answered) => (answered, answered.Last);

    /// <summary>As the scheduler stamps a result: with its LB's running generation.</summary>
    public Observation Stamp(Observation o) =>
        o with { Generation = Schedules.Find(o.Backend.Lb).IfNone(o.Generation) };

    public Simulation Observe(params Observation[] results) =>
        Step(new Input.ProbesObserved(Now, toSeq(results.Select(Stamp).ToArray())));

    /// <summary>The entry for an LB as the written hosts text has it.</summary>
    public Option<HostsEntry> EntryOf(string lb) =>
        HostsDocument.Parse(Text).Match(
            Right: d => d.Entries.Find(e => e.Name.Value == $"{lb}.local"),
            Left: _ => None);

    /// <summary>The index of the backend the LB's entry names (addresses are 10.0.0.(i+1)).</summary>
    public Option<int> BackendOf(string lb) =>
        EntryOf(lb).Map(e => int.Parse(e.Address.Value.Split('.')[3]) - 1);

    public Seq<T> Events<T>() where T : Effect => toSeq(Last.OfType<T>().ToArray());
}
