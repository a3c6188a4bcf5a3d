using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Shell.Commands;

namespace Redirector.Shell.ConfigLoading;

/// <summary>What every mode that runs does first: load the configuration through the same
/// reader as --check, print its warnings, and on any error print them all and give up. The
/// daemon also refuses what --check finds on disk (<see cref="PathChecks"/>): a log or pid
/// folder that does not exist, a hosts file that cannot be one, a missing cacerts.</summary>
static class Startup
{
    public static Option<Configuration> LoadOrReport(
        string configPath, string? hostsFile, bool checkPaths = false)
    {
        var loaded = ConfigLoader.Load(configPath, hostsFile);
        if (checkPaths) loaded = PathChecks.Add(loaded, configPath, hostsFile);
        foreach (var warning in loaded.Warnings) Console.Error.WriteLine(CheckCommand.AsWarning(warning));
        return loaded.Config.Match(
            Succ: config => Prelude.Some(config),
            Fail: errors =>
            {
                foreach (var error in errors) Console.Error.WriteLine(error);
                Console.Error.WriteLine(
                    $"redirector-shell: {errors.Count} configuration error(s); nothing was done");
                return Option<Configuration>.None;
            });
    }

    /// <summary>The random strategy's seed: the only randomness, drawn here in the shell.</summary>
    public static ulong Seed() => (ulong)Random.Shared.NextInt64() ^ (ulong)Environment.ProcessId;
}
