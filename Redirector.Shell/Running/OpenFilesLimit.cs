using Redirector.Domain.Config;
using Redirector.Shell.Native;
using Serilog;

namespace Redirector.Shell.Running;

/// <summary>Each backend may hold two sockets at once (a probe and a watch connection), and
/// the daemon its own files and listeners besides: the default soft limit of 1024 open files
/// would cap a daemon at about 480 backends. At start the soft limit goes up to the hard one,
/// and a limit still too low for the configuration is warned about once.</summary>
static class OpenFilesLimit
{
    /// <summary>Room for what is not a backend's: the hosts file and its watch, logs, the
    /// metrics listener and its clients, the runtime's own descriptors.</summary>
    public const int Spare = 64;

    public static long Needed(Configuration config) =>
        2L * config.Lbs.Values.Sum(lb => lb.Backends.Count) + Spare;

    public static void Raise(Configuration config, ILogger log)
    {
        var (soft, hard, error) = LibC.RaiseOpenFilesLimit();
        if (error != 0)
            log.Debug("open files limit not raised ({Error}): it stays at {Soft}",
                LibC.Describe(error), soft);
        var needed = Needed(config);
        if (soft > 0 && (ulong)needed > soft)
            log.Warning("the open files limit is {Soft} (hard limit {Hard}), but {Needed} may " +
                        "be needed (a probe and a watch connection per backend, and {Spare} " +
                        "more): raise it (LimitNOFILE= in the systemd unit, ulimit -n)",
                soft, hard, needed, Spare);
    }
}
