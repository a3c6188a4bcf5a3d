using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;

namespace Redirector.Domain.Decision;

/// <summary>Main-config keys that a reload cannot change. hosts_file: the watch, the block that
/// a stop removes (persist_hosts_block: false) and the block already written all belong to the
/// file the daemon started with; moving half of that would leave a block nobody keeps. A reload
/// that changes it is refused as a whole, so the operator sees it and restarts. (--hosts-file
/// wins over the key, at start as on reload: with it the key moves nothing.)
/// metrics_listen and status_file are read at start too, but moving nothing is harmless there:
/// the shell keeps them as they were.</summary>
public static class StartOnlyKeys
{
    /// <summary>Why <paramref name="next"/> cannot replace <paramref name="running"/>.</summary>
    public static Option<string> Refusal(MainConfig running, MainConfig next) =>
        Normal(next.HostsFile) == Normal(running.HostsFile)
            ? None
            : Some($"hosts_file: {next.HostsFile} instead of {running.HostsFile}; " +
                   "hosts_file is read at start and a reload does not move it: restart the " +
                   "daemon to use the new file");

    // Only a rooted path is normalised: that is pure text work, with no working folder read.
    static string Normal(string path) => Path.IsPathRooted(path) ? Path.GetFullPath(path) : path;
}
