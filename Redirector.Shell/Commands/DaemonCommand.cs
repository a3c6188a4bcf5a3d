using Redirector.Domain.Config;
using Redirector.Shell.ConfigLoading;
using Redirector.Shell.Observing;
using Redirector.Shell.Running;
using Serilog;

namespace Redirector.Shell.Commands;

/// <summary>Runs the daemon until SIGTERM or SIGINT.</summary>
static class DaemonCommand
{
    public static async Task<int> RunAsync(string configPath, string? hostsFile)
    {
        var loaded = Startup.LoadOrReport(configPath, hostsFile, checkPaths: true);
        if (loaded.IsNone) return ExitCodes.Usage;
        var config = (Configuration)loaded;
        SocketThreads.Choose(config);
        await using var logger = LogSetup.Create(config.Main);
        Log.Logger = logger;
        try
        {
            // Everything up to the loop is synchronous, so the loop runs on the main thread.
            return await new Daemon(configPath, hostsFile, config, logger)
                .RunAsync(onCallerThread: true);
        }
        catch (Exception e)
        {
            // A last resort: one line for the operator, the details at DEBUG.
            logger.Fatal("redirector stopped on an unexpected error ({Type}); run with " +
                         "log_level: DEBUG for the details", e.GetType().Name);
            logger.Debug(e, "details");
            return ExitCodes.Runtime;
        }
    }
}
