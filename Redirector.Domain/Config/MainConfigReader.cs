using LanguageExt;
using YamlDotNet.RepresentationModel;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads the main config file. Every key is optional; node_name stays None when absent
/// (the shell fills in the machine name). lb_configs_dir is resolved against the folder of
/// the main file, which the shell passes in.</summary>
public static class MainConfigReader
{
    public static readonly Seq<string> Keys = Seq(
        "log_level", "log_format", "log_file_path", "log_file_max_bytes", "log_file_max_backups",
        "lb_configs_dir", "persist_hosts_block", "pid_file", "hosts_file", "node_name",
        "metrics_listen", "status_file", "strict_permissions");

    public static ReadResult<MainConfig> Read(string file, string text, string mainFileDir) =>
        ReadPositioned(file, text, mainFileDir).Map(p => p.Main);

    public static ReadResult<PositionedMain> ReadPositioned(
        string file, string text, string mainFileDir) =>
        Guard.Run(file, () => Document.Read(file, text).Match(
            Succ: section => FromSection(
                section.IfNone(() => new Section(file, "", new YamlMappingNode())), mainFileDir),
            Fail: es => new ReadResult<PositionedMain>(es, Empty)));

    /// <summary>Where the LB files are even when other keys of the main file are wrong, so one
    /// check run reports the LB files' mistakes too. None when the file does not parse or
    /// lb_configs_dir itself is wrong.</summary>
    public static Option<(string Dir, SourcePosition At)> LbConfigsDir(
        string file, string text, string mainFileDir) =>
        Guard.Run(file, () => new ReadResult<Option<(string, SourcePosition)>>(
                Document.Read(file, text).Map(section => section.Match(
                    Some: s => s.Get("lb_configs_dir").Match(
                        Some: f => f.Line().ToOption()
                            .Map(dir => (Path.Combine(mainFileDir, dir), f.At)),
                        None: () => Some(Default(mainFileDir))),
                    None: () => Some(Default(mainFileDir)))),
                Empty))
            .Value.ToOption().Flatten();

    static (string, SourcePosition) Default(string mainFileDir) =>
        (Path.Combine(mainFileDir, MainConfig.DefaultLbConfigsDir), SourcePosition.None);

    static ReadResult<PositionedMain> FromSection(Section s, string mainFileDir)
    {
        var logging = (
            s.Optional("log_level", LogLevelName.Info, f => f.OneOf("a log level",
                ("CRITICAL", LogLevelName.Critical), ("ERROR", LogLevelName.Error),
                ("WARNING", LogLevelName.Warning), ("INFO", LogLevelName.Info),
                ("DEBUG", LogLevelName.Debug), ("NOTSET", LogLevelName.NotSet))),
            s.Optional("log_format", MainConfig.DefaultLogFormat, f => f.Text()),
            s.Maybe("log_file_path", f => f.Line()),
            s.Optional("log_file_max_bytes", MainConfig.DefaultLogFileMaxBytes,
                f => f.Integer(0, long.MaxValue)),
            s.Optional("log_file_max_backups", MainConfig.DefaultLogFileMaxBackups,
                f => f.Int(0, int.MaxValue)))
            .Apply((level, format, path, bytes, backups) => (level, format, path, bytes, backups));
        var rest = (
            s.Optional("lb_configs_dir", MainConfig.DefaultLbConfigsDir, f => f.Line()),
            s.Optional("persist_hosts_block", true, f => f.Flag()),
            s.Maybe("pid_file", f => f.Line()),
            s.Optional("hosts_file", MainConfig.DefaultHostsFile, AbsolutePath),
            s.Maybe("node_name", f => f.Line()),
            s.Maybe("metrics_listen", ListenAddress.Read))
            .Apply((dir, persist, pid, hosts, node, metrics) =>
                new Rest(dir, persist, pid, hosts, node, metrics));
        var status = s.Optional("status_file", MainConfig.DefaultStatusFile, f => f.Line());
        var strict = s.Optional("strict_permissions", false, f => f.Flag());
        var dirAt = s.Get("lb_configs_dir").Map(f => f.At).IfNone(SourcePosition.None);
        var valuesAt = toMap(Keys.Bind(key => s.Get(key).Map(f => (key, f.At)).ToSeq()));
        var main = (logging, rest, status, strict).Apply((l, r, st, strictModes) =>
            new PositionedMain(
            new MainConfig(l.level, l.format, l.path, l.bytes, l.backups,
                Path.Combine(mainFileDir, r.Dir), r.Persist, r.Pid, r.Hosts, r.Node, r.Metrics,
                strictModes)
            {
                StatusFile = Path.Combine(mainFileDir, st),
            },
            dirAt, valuesAt));
        return new ReadResult<PositionedMain>(main, s.UnknownKeys(Keys)).Sorted();
    }

    /// <summary>hosts_file is new (the original has no such key), so it can demand what a
    /// daemon started from / by systemd needs: a path that does not depend on the working
    /// folder.</summary>
    static Validation<ConfigError, string> AbsolutePath(Field f) =>
        f.Line().Bind(path => Path.IsPathRooted(path)
            ? Success<ConfigError, string>(path)
            : f.Fail<string>($"'{Field.Shown(path)}' is not an absolute path " +
                             "(e.g. /etc/hosts)"));

    /// <summary>The other keys, as a class rather than a tuple: a Validation over a six-tuple
    /// of mixed reference and value types makes the Native AOT compiler report its (unused)
    /// equality members as "will always throw".</summary>
    sealed class Rest(string dir, bool persist, Option<string> pid, string hosts,
        Option<string> node, Option<string> metrics)
    {
        public string Dir => dir;
        public bool Persist => persist;
        public Option<string> Pid => pid;
        public string Hosts => hosts;
        public Option<string> Node => node;
        public Option<string> Metrics => metrics;
    }
}
