using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>The whole decision logic as one pure step: (state, input) to (next state,
/// effects). The daemon, --once and --dry-run all call only this.</summary>
public static class Decider
{
    /// <summary>Until the first configuration: no LB, and persist_hosts_block's default, so a
    /// stop before it touches nothing.</summary>
    static readonly Configuration None = new(
        new MainConfig(LogLevelName.Info, MainConfig.DefaultLogFormat, Prelude.None,
            MainConfig.DefaultLogFileMaxBytes, MainConfig.DefaultLogFileMaxBackups,
            MainConfig.DefaultLbConfigsDir, true, Prelude.None, MainConfig.DefaultHostsFile,
            Prelude.None, Prelude.None),
        Map<string, LbConfig>());

    /// <summary>The state before anything happened. <paramref name="seed"/> seeds the random
    /// strategy's generator (kept in the state, so the core itself has no randomness). The
    /// shell then steps a hosts reading (so a restart resumes the block's entries) and the
    /// first configuration.</summary>
    public static State Initial(ulong seed) =>
        new(Lifecycle.Unconfigured, None, 0, Map<string, LbState>(), seed, HostsView.Unread,
            Prelude.None, false, 0);

    public static (State State, Seq<Effect> Effects) Step(State state, Input input) =>
        input switch
        {
            Input.ProbesObserved p => ProbeStep.Apply(state, p.Results, p.Now),
            Input.HostsRead h => HostsStep.Apply(state, h.Reading, h.Now),
            Input.WriteFinished w => WriteStep.Apply(state, w.Result, w.Now),
            Input.ConfigLoaded c => Reload.Apply(state, c.Config, c.Generation, c.Now),
            Input.Stopping s => BlockRemoval.Stop(state, s.Now),
            Input.WatchOpened o => WatchStep.Opened(state, o),
            Input.WatchLost l => WatchStep.Lost(state, l),
            Input.WatchFailed f => WatchStep.Failed(state, f),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown input"),
        };

    /// <summary>Several inputs in turn, with every effect in order.</summary>
    public static (State State, Seq<Effect> Effects) Steps(State state, params Input[] inputs)
    {
        var all = new List<Effect>();
        foreach (var input in inputs)
        {
            var (next, effects) = Step(state, input);
            state = next;
            all.AddRange(effects);
        }
        return (state, toSeq(all.ToArray()));
    }
}
