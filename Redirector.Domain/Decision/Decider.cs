using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>The whole decision logic as one pure step: (state, input, current hosts text) to
/// (next state, effects). The daemon, --once and --dry-run all call only this.</summary>
public static class Decider
{
    /// <summary>The state before any probe. <paramref name="currentHostsText"/> lets a restarted
    /// daemon resume the entries already in the block; <paramref name="seed"/> seeds the random
    /// strategy's generator (kept in the state, so the core itself has no randomness).</summary>
    public static State Initial(Configuration config, string currentHostsText, ulong seed)
    {
        var (lbs, rng) = Reload.Build(
            config, Map<string, LbState>(), seed, ReadBack.Of(currentHostsText));
        return new State(config, lbs, rng, false, None, None);
    }

    public static (State State, Seq<Effect> Effects) Step(
        State state, Input input, string currentHostsText) =>
        input switch
        {
            Input.ProbesObserved p => ProbeStep.Apply(state, p.Results, currentHostsText),
            Input.ConfigLoaded c => Reload.Apply(state, c.Config, currentHostsText),
            Input.HostsTextChanged => HostsOutput.Emit(state, false, currentHostsText),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown input"),
        };
}
