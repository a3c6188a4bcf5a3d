using Redirector.Domain.Decision;

namespace Redirector.Shell.Observing;

/// <summary>A redirect in words, each kind saying what happened once: "127.0.0.2 chosen
/// (first healthy in list order)", "kept 127.0.0.2 from the existing block", "127.0.0.1 ->
/// 127.0.0.2: 127.0.0.1 went down; ...". The address is added only when the backend is a
/// host name.</summary>
static class RedirectText
{
    public static string Describe(Effect.Redirected r)
    {
        var to = r.To + (r.Address.Value == r.To ? "" : $" ({r.Address.Value})");
        return r.Kind switch
        {
            RedirectKind.Kept => $"kept {to} from the existing block",
            RedirectKind.Moved => $"{r.From.IfNone("(none)")} -> {to}: {r.Reason}",
            RedirectKind.Recovered => $"{to} chosen after all backends were down ({r.Reason})",
            RedirectKind.Readdressed => $"{r.To} now at {r.Address.Value} (its address changed)",
            _ => $"{to} chosen ({r.Reason})",
        };
    }
}
