using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Decision.World;

/// <summary>The shell's part, in memory: each effect carried out as the daemon would.</summary>
public sealed partial class WorldRun
{
    /// <summary>Steps the core and carries out what it returns, as the daemon does; the
    /// effects of every step this caused, in order.</summary>
    Seq<Effect> Step(Input input)
    {
        now++;
        steppedInAct = true;
        var before = state;
        var (next, effects) = Decider.Step(state, input);
        state = next;
        Check(input, before, effects);
        var all = new List<Effect>(effects);
        foreach (var effect in effects) all.AddRange(CarryOut(effect));
        return toSeq(all.ToArray());
    }

    Seq<Effect> CarryOut(Effect effect)
    {
        switch (effect)
        {
            case Effect.WriteHosts w:
                Writes++;
                var outcome = plan.Count > 0 ? plan.Dequeue()
                    : unreadable ? new WriteResult.Failed("cannot read")
                    : w.BasedOn != text ? new WriteResult.Superseded("changed")
                    : new WriteResult.Written(false, "");
                if (outcome is WriteResult.Written) text = w.Text;
                else if (outcome is not WriteResult.Superseded)
                {
                    FailedWrites++;
                    failedInAct = true;
                }
                return Step(new Input.WriteFinished(now, outcome));
            case Effect.StartProbing start:
                schedules[start.Lb.Name] = start.Generation;
                return Empty;
            case Effect.StopProbing stop:
                if (schedules.GetValueOrDefault(stop.Lb) == stop.Generation) schedules.Remove(stop.Lb);
                return Empty;
            case Effect.ReadHosts:
                return Step(new Input.HostsRead(now, unreadable
                    ? new HostsReading.Unreadable("permission denied")
                    : new HostsReading.Text(text)));
            case Effect.ProbeNow asked:
                var answers = asked.Backends.Choose(k => latest.TryGetValue(k, out var r)
                    ? Some(new Observation(k, schedules.GetValueOrDefault(k.Lb), r))
                    : None);
                if (answers.IsEmpty) return Empty;
                Observed(answers);
                return Empty;
            case Effect.Redirected:
                Redirects++;
                return Empty;
            default:
                return Empty;
        }
    }
}
