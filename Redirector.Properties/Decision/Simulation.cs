using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision;

/// <summary>Plays the shell's part in tests: steps the core, carries out WriteHosts on an
/// in-memory hosts text (never a file) and answers ProbeNow at once with each backend's latest
/// result (the world has not changed since), keeping the effects of the last step.</summary>
public sealed record Simulation(
    State State, string Text, Seq<Effect> Last, int Writes, HashMap<BackendKey, ProbeResult> World)
{
    public static Simulation Start(Configuration config, string text = Some.DecisionHostsText,
        ulong seed = 1) =>
        new(Decider.Initial(config, text, seed), text, Empty, 0, HashMap<BackendKey, ProbeResult>());

    public Simulation Step(Input input)
    {
        var world = input is Input.ProbesObserved p
            ? p.Results.Fold(World, (w, o) => w.AddOrUpdate(o.Backend, o.Result))
            : World;
        var (state, effects) = Decider.Step(State, input, Text);
        var writes = effects.OfType<Effect.WriteHosts>().Select(w => w.Text).ToArray();
        var next = new Simulation(state, writes.LastOrDefault() ?? Text, effects,
            Writes + writes.Length, world);
        var asked = toSeq(effects.OfType<Effect.ProbeNow>().SelectMany(e => e.Backends)
            .SelectMany(k => world.Find(k).Map(r => new Observation(k, r))).ToArray());
        if (asked.IsEmpty) return next;
        var answered = next.Step(new Input.ProbesObserved(asked));
        return answered with { Last = effects + answered.Last };
    }

    public Simulation Observe(params Observation[] results) =>
        Step(new Input.ProbesObserved(toSeq(results)));

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
