using System.Globalization;
using LanguageExt;
using Redirector.Domain.Config;
using static Redirector.Properties.Config.YamlTree;

namespace Redirector.Properties.Config;

/// <summary>Renders main config values as YAML, leaving out keys that are None.</summary>
public static class MainYaml
{
    public static YamlTree Tree(LogLevelName level, string format, Option<string> logFile,
        long maxBytes, int backups, string dir, bool persist, Option<string> pid, string hosts,
        Option<string> node, Option<string> metrics)
    {
        var entries = new List<(string, YamlTree)>
        {
            ("log_level", Str(level.ToString().ToUpperInvariant())),
            ("log_format", Str(format)),
            ("log_file_max_bytes", Plain(maxBytes.ToString(CultureInfo.InvariantCulture))),
            ("log_file_max_backups", Plain(backups.ToString(CultureInfo.InvariantCulture))),
            ("lb_configs_dir", Str(dir)),
            ("persist_hosts_block", Plain(persist ? "true" : "false")),
            ("hosts_file", Str(hosts)),
        };
        logFile.IfSome(v => entries.Add(("log_file_path", Str(v))));
        pid.IfSome(v => entries.Add(("pid_file", Str(v))));
        node.IfSome(v => entries.Add(("node_name", Str(v))));
        metrics.IfSome(v => entries.Add(("metrics_listen", Str(v))));
        return Keys(entries.ToArray());
    }
}
