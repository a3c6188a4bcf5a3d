using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>Dispatches on the configured strategy.</summary>
public static class Strategies
{
    /// <summary>The choice among healthy backends, given the active one.</summary>
    public static Option<Choice> Pick(LbState lb) => lb.Config.Strategy switch
    {
        Strategy.Sequential => SequentialStrategy.Pick(lb),
        Strategy.Random => RandomStrategy.Pick(lb),
        Strategy.Priority => PriorityStrategy.Pick(lb),
        Strategy.Hash => HashStrategy.Pick(lb),
        // The one case left.
        _ => LatencyStrategy.Pick(lb, (Strategy.Latency)lb.Config.Strategy),
    };

    /// <summary>A first choice that the rest of the first round cannot change; random and
    /// latency need every backend's first result, so they never commit early.</summary>
    public static Option<Choice> Early(LbState lb) => lb.Config.Strategy switch
    {
        Strategy.Sequential => SequentialStrategy.Early(lb),
        Strategy.Priority => PriorityStrategy.Early(lb),
        Strategy.Hash => HashStrategy.Early(lb),
        _ => None,
    };

    /// <summary>Strategies for which a restart keeps the backend read back from the block.</summary>
    public static bool KeepsRemembered(Strategy s) => s is Strategy.Sequential or Strategy.Random;
}
