using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Shell.Observing;
using Serilog;

namespace Redirector.Shell.ConfigLoading;

/// <summary>SIGHUP's reading: the configuration as --check reads it, its warnings logged. One
/// that does not load is reported here and never reaches the core; one that loads is the
/// core's to apply or refuse.</summary>
static class ConfigReload
{
    public static Option<Configuration> Load(
        string configPath, string? hostsOverride, ILogger log, Action refused, EffectLog effectLog)
    {
        var loaded = ConfigLoader.Load(configPath, hostsOverride);
        foreach (var warning in loaded.Warnings) log.Warning("config: {Warning}", warning.ToString());
        return loaded.Config.Match(
            Succ: Prelude.Some,
            Fail: errors =>
            {
                refused();
                effectLog.Refused(errors.Map(e => e.ToString()));
                return Option<Configuration>.None;
            });
    }
}
