using Redirector.Domain.Config;
using Redirector.Shell.ConfigLoading;

namespace Redirector.Shell.Commands;

/// <summary><c>--check</c>: loads everything, prints each error and warning on stderr and a
/// one-line summary on stdout. Probes nothing, writes nothing; looks at the files and
/// folders the config names (<see cref="PathChecks"/>) and at the metrics port
/// (<see cref="ListenCheck"/>).</summary>
static class CheckCommand
{
    public static int Run(string mainConfigPath, string? hostsFileOverride)
    {
        try
        {
            var loaded = PathChecks.Add(ConfigLoader.Load(mainConfigPath, hostsFileOverride),
                mainConfigPath, hostsFileOverride);
            return Report(ListenCheck.Add(loaded, mainConfigPath));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The loader turns every expected failure into a ConfigError; this is a bug, and
            // still no place for a stack trace.
            Console.Error.WriteLine($"redirector-shell: internal error while checking " +
                                    $"{mainConfigPath} ({e.GetType().Name}); please report it");
            return ExitCodes.Runtime;
        }
    }

    static int Report(LoadResult result)
    {
        var errors = result.Errors;
        foreach (var error in errors) Console.Error.WriteLine(error);
        foreach (var warning in result.Warnings) Console.Error.WriteLine(AsWarning(warning));
        Console.Out.WriteLine($"{Count(result.LbFiles.Count, "load balancer")}, " +
                              $"{Count(errors.Count, "error")}, " +
                              $"{Count(result.Warnings.Count, "warning")}");
        return errors.IsEmpty ? ExitCodes.Ok : ExitCodes.Usage;
    }

    internal static string AsWarning(ConfigError w)
    {
        var where = w.Line > 0 ? $"{w.File}:{w.Line}:{w.Column}" : w.File;
        return w.Field.Length > 0
            ? $"{where}: warning: {w.Field}: {w.Message}"
            : $"{where}: warning: {w.Message}";
    }

    static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
