using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Diff;
using Redirector.Shell.ConfigLoading;
using Redirector.Shell.HostsFiles;
using Redirector.Shell.Probing;
using Redirector.Shell.Running;

namespace Redirector.Shell.Commands;

/// <summary>--dry-run and --once: the daemon's steps for one probe round of every backend (the
/// hosts file read, the config loaded, the round observed), then the text the core would write
/// is either diffed against the file or written.</summary>
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

        var (started, starting) = Decider.Steps(Decider.Initial(Startup.Seed()),
            new Input.HostsRead(Clock.NowMs(), new HostsReading.Text(before)),
            new Input.ConfigLoaded(Clock.NowMs(), config, 1));
        var results = await ProbeRound.RunAsync(starting.OfType<Effect.StartProbing>(), ct);
        var (state, observed) = Decider.Step(
            started, new Input.ProbesObserved(Clock.NowMs(), results));
        var effects = Domain.Seqs.Join(starting, observed);

        foreach (var line in RoundReport.Lines(state, results, effects)) Console.WriteLine(line);
        if (effects.OfType<Effect.HostsUnusable>().HeadOrNone().Case is Effect.HostsUnusable bad)
            return Fail($"{hosts.Path}: {bad.Error.Message}; nothing was written");
        var next = effects.OfType<Effect.WriteHosts>().HeadOrNone();
        if (!write)
        {
            Console.Write(next.Map(w => UnifiedDiff.Between(before, w.Text, hosts.Path))
                .IfNone(""));
            if (next.IsNone) Console.WriteLine($"# {hosts.Path} is already up to date");
            return ExitCodes.Ok;
        }
        if (next.Case is not Effect.WriteHosts writing)
        {
            Console.WriteLine($"# {hosts.Path} is already up to date; nothing written");
            return ExitCodes.Ok;
        }
        return hosts.Write(writing) switch
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
