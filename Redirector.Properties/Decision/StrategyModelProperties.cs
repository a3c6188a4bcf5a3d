using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Choice = Redirector.Domain.Decision.Choice;

namespace Redirector.Properties.Decision;

/// <summary>Each strategy, asked directly, answers what its reference model answers: the
/// backend, the reason and the generator state after the choice.</summary>
public class StrategyModelProperties
{
    static Property Agrees(
        Gen<StrategyCase> cases, Func<LbState, Option<Choice>> actual,
        Func<StrategyCase, Choice?> model) =>
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var got = actual(c.ToLbState()).MatchUnsafe(x => x, () => (Choice?)null);
            var expected = model(c);
            return (got == expected).Label($"got {got}, model {expected}");
        });

    [Property(MaxTest = 500)]
    public Property Sequential_pick_agrees_with_the_model() =>
        Agrees(Gens.StrategyCase(new Strategy.Sequential()), Strategies.Pick,
            StrategyModel.SequentialPick);

    [Property(MaxTest = 500)]
    public Property Sequential_early_agrees_with_the_model() =>
        Agrees(Gens.StrategyCase(new Strategy.Sequential()), Strategies.Early,
            StrategyModel.SequentialEarly);

    [Property(MaxTest = 500)]
    public Property Random_pick_agrees_with_the_model() =>
        Agrees(Gens.StrategyCase(new Strategy.Random()), Strategies.Pick,
            StrategyModel.RandomPick);

    [Property(MaxTest = 500)]
    public Property Priority_pick_agrees_with_the_model() =>
        Agrees(Gens.StrategyCase(new Strategy.Priority()), Strategies.Pick,
            StrategyModel.PriorityPick);

    [Property(MaxTest = 500)]
    public Property Priority_early_agrees_with_the_model() =>
        Agrees(Gens.StrategyCase(new Strategy.Priority()), Strategies.Early,
            StrategyModel.PriorityEarly);

    [Property(MaxTest = 500)]
    public Property Hash_pick_agrees_with_the_model() =>
        Agrees(Gens.StrategyCase(new Strategy.Hash()), Strategies.Pick, StrategyModel.HashPick);

    [Property(MaxTest = 500)]
    public Property Hash_early_agrees_with_the_model() =>
        Agrees(Gens.StrategyCase(new Strategy.Hash()), Strategies.Early, StrategyModel.HashEarly);

    [Property(MaxTest = 1000)]
    public Property Latency_pick_agrees_with_the_model() =>
        Prop.ForAll(Gens.LatencyMargins.ToArbitrary(), margins =>
            Agrees(Gens.StrategyCase(margins), Strategies.Pick,
                c => StrategyModel.LatencyPick(c, margins)));

    [Property(MaxTest = 200)]
    public Property Random_and_latency_never_commit_early() =>
        Agrees(Gens.StrategyCase(new Strategy.Random(), Some.DefaultLatency), Strategies.Early,
            _ => null);
}
