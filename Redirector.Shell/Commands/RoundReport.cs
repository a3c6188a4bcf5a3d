using LanguageExt;
using Redirector.Domain.Decision;
using Redirector.Shell.Observing;

namespace Redirector.Shell.Commands;

/// <summary>One comment line per LB for --dry-run and --once: what was chosen and why, then each
/// backend's probe result. Lines start with '#' so the output still feeds `patch`.</summary>
static class RoundReport
{
    public static IEnumerable<string> Lines(
        State state, Seq<Observation> results, Seq<Effect> effects)
    {
        foreach (var lb in state.Lbs.Values)
        {
            var why = effects.OfType<Effect.Redirected>().Where(r => r.Lb == lb.Name)
                .Select(RedirectText.Describe).FirstOrDefault();
            yield return lb.Entry.Match(
                Some: e => $"# {lb.Name}: {e.Name.Value} -> {e.Address.Value} " +
                           $"({why ?? "unchanged, already in the hosts block"})",
                None: () => $"# {lb.Name}: no entry (all backends down)");
            foreach (var o in results.Where(o => o.Backend.Lb == lb.Name))
            {
                var host = o.Backend.Host;
                var r = o.Result;
                yield return r.Ok
                    ? $"#   {host}: up, {r.Duration.TotalMilliseconds:0.#} ms" +
                      r.Address.Map(a => a.Value == host ? "" : $" ({a.Value})").IfNone("")
                    : $"#   {host}: down, {r.Reason}";
            }
        }
    }
}
