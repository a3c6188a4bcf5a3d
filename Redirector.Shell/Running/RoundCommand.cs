using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Diff;
using Redirector.Shell.HostsFiles;
using Redirector.Shell.Scheduling;

namespace Redirector.Shell.Running;

/// <summary>--dry-run and --once: one probe round of every backend, one step of the core, then
/// the text it would write is either diffed against the file or written.</summary>
static class RoundCommand
{
    public static async Task<int> RunAsync(
        string configPath, string? hostsFile, bool write, CancellationToken ct)
    {
        var loaded = Startup.LoadOrReport(configPath, hostsFile);
        if (loaded.IsNone) return ExitCodes.Usage;
        var config = (Configuration)loaded;
        var hosts = new HostsText(config.Main.HostsFile);
        var (before, error) = hosts.Read();
        if (before is null) return Fail(error);

        var results = await ProbeRound.RunAsync(config, ct);
        var initial = Decider.Initial(config, before, Startup.Seed());
        var (state, effects) = Decider.Step(initial, new Input.ProbesObserved(results), before);

        foreach (var line in RoundReport.Lines(state, results, effects)) Console.WriteLine(line);
        if (effects.OfType<Effect.HostsUnusable>().HeadOrNone().Case is Effect.HostsUnusable bad)
            return Fail($"{hosts.Path}: {bad.Error.Message}; nothing was written");
        var next = effects.OfType<Effect.WriteHosts>().HeadOrNone().Map(w => w.Text);
        if (!write)
        {
            Console.Write(next.Map(t => UnifiedDiff.Between(before, t, hosts.Path))
                .IfNone(""));
            if (next.IsNone) Console.WriteLine($"# {hosts.Path} is already up to date");
            return ExitCodes.Ok;
        }
        if (next.IsNone)
        {
            Console.WriteLine($"# {hosts.Path} is already up to date; nothing written");
            return ExitCodes.Ok;
        }
        return hosts.Write((string)next) switch
        {
            { Problem: { } problem } => Fail(problem),
            WriteOutcome.InPlace p => Done($"# wrote {hosts.Path} in place (not atomic: {p.Why})"),
            _ => Done($"# wrote {hosts.Path}"),
        };
    }

    static int Done(string message)
    {
        Console.WriteLine(message);
        return ExitCodes.Ok;
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine($"redirector-shell: {message}");
        return ExitCodes.Runtime;
    }
}
