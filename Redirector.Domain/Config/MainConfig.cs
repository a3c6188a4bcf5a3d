using LanguageExt;

namespace Redirector.Domain.Config;

/// <summary>The main config file (<c>-c</c>). Every key is optional; defaults are the
/// original's. LbConfigsDir is already resolved against the main file's folder.
/// StrictPermissions: refuse (rather than warn about) config files others could change.</summary>
public sealed record MainConfig(
    LogLevelName LogLevel,
    string LogFormat,
    Option<string> LogFilePath,
    long LogFileMaxBytes,
    int LogFileMaxBackups,
    string LbConfigsDir,
    bool PersistHostsBlock,
    Option<string> PidFile,
    string HostsFile,
    Option<string> NodeName,
    Option<string> MetricsListen,
    bool StrictPermissions = false)
{
    /// <summary>Where the daemon keeps its status for <c>redirector-shell status</c>; already
    /// resolved against the main file's folder. An init property so the positional shape
    /// (and every caller of it) stays as it was.</summary>
    public string StatusFile { get; init; } = DefaultStatusFile;


    public const string DefaultLogFormat = "%(asctime)s :: %(levelname)s :: %(message)s";
    public const long DefaultLogFileMaxBytes = 5_000_000;
    public const int DefaultLogFileMaxBackups = 5;
    public const string DefaultLbConfigsDir = "lb_configs";
    public const string DefaultHostsFile = "/etc/hosts";
    public const string DefaultStatusFile = "/run/redirector/status.json";
}
