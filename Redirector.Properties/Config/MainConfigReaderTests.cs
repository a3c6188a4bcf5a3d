using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

public class MainConfigReaderTests
{
    const string Dir = "/etc/redirector";

    static ReadResult<MainConfig> Read(string text) =>
        MainConfigReader.Read("config.yml", text, Dir);

    static MainConfig Valid(string text) => Read(text).Value.Match(Succ: m => m,
        Fail: es => throw new Xunit.Sdk.XunitException(string.Join("\n", es)));

    [Theory]
    [InlineData("")]
    [InlineData("---\n# log_level: \"INFO\"\n...\n")]
    [InlineData("{}")]
    public void An_empty_main_config_means_every_default(string text) =>
        Assert.Equal(Some.MainDefaults, Valid(text));

    [Fact]
    public void Every_key_is_read()
    {
        var main = Valid("""
            log_level: DEBUG
            log_format: "%(levelname)s %(message)s"
            log_file_path: /var/log/r.log
            log_file_max_bytes: 1000
            log_file_max_backups: 2
            lb_configs_dir: /srv/lbs
            persist_hosts_block: false
            pid_file: /run/r.pid
            hosts_file: /tmp/hosts
            node_name: app-17
            metrics_listen: "[::1]:9464"
            """);
        Assert.Equal(new MainConfig(LogLevelName.Debug, "%(levelname)s %(message)s",
            Some("/var/log/r.log"), 1000, 2, "/srv/lbs", false, Some("/run/r.pid"),
            "/tmp/hosts", Some("app-17"), Some("[::1]:9464")), main);
    }

    [Theory]
    [InlineData("lb_configs_dir: lbs", "/etc/redirector/lbs")]
    [InlineData("lb_configs_dir: ../shared/lbs", "/etc/redirector/../shared/lbs")]
    [InlineData("lb_configs_dir: /opt/lbs", "/opt/lbs")]
    public void A_relative_lb_configs_dir_is_taken_from_the_main_files_folder(
        string line, string expected) =>
        Assert.Equal(expected, Valid(line).LbConfigsDir);

    [Fact]
    public void The_position_of_lb_configs_dir_is_kept_for_errors_about_the_folder() =>
        Assert.Equal(new SourcePosition(2, 17), MainConfigReader
            .ReadPositioned("config.yml", "log_level: INFO\nlb_configs_dir: x\n", Dir)
            .Value.Match(Succ: p => p.LbConfigsDirAt, Fail: _ => SourcePosition.None));

    [Fact]
    public void The_positions_of_the_values_given_are_kept_for_the_shells_path_checks()
    {
        var read = MainConfigReader.ReadPositioned("config.yml",
            "pid_file: /run/r.pid\nhosts_file: /etc/hosts\n", Dir).Value
            .Match(Succ: p => p, Fail: _ => throw new Xunit.Sdk.XunitException("invalid"));
        Assert.Equal(new SourcePosition(1, 11), read.At("pid_file"));
        Assert.Equal(new SourcePosition(2, 13), read.At("hosts_file"));
        Assert.Equal(SourcePosition.None, read.At("log_file_path"));
    }

    public static TheoryData<string, string> BadMainFiles => new()
    {
        { "log_level: LOUD", "config.yml:1:12: log_level: 'LOUD' is not a log level " +
                             "(CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET)" },
        { "log_file_max_bytes: -1",
            "config.yml:1:21: log_file_max_bytes: must be at least 0, got -1" },
        { "log_file_max_backups: many",
            "config.yml:1:23: log_file_max_backups: expected a whole number, got 'many'" },
        { "persist_hosts_block: sometimes",
            "config.yml:1:22: persist_hosts_block: expected true or false, got 'sometimes'" },
        { "lb_configs_dir: [a, b]",
            "config.yml:1:17: lb_configs_dir: expected a text value, got a list" },
        { "hosts_file: \"\"", "config.yml:1:13: hosts_file: must not be empty" },
        { "hosts_file: 42",
            "config.yml:1:13: hosts_file: '42' is not an absolute path (e.g. /etc/hosts)" },
        { "hosts_file: etc/hosts",
            "config.yml:1:13: hosts_file: 'etc/hosts' is not an absolute path (e.g. /etc/hosts)" },
        { "node_name: \"a\\nb\"",
            "config.yml:1:12: node_name: 'a\\x0ab' must not contain control characters or newlines" },
        { "metrics_listen: 9464", "config.yml:1:17: metrics_listen: '9464' is not an address:port " +
                                  "(e.g. 127.0.0.1:9464 or [::1]:9464)" },
        { "metrics_listen: \"127.0.0.1:99999\"", "config.yml:1:17: metrics_listen: " +
            "'127.0.0.1:99999' is not an address:port (e.g. 127.0.0.1:9464 or [::1]:9464)" },
        { "- log_level: INFO", "config.yml:1:1: expected a mapping of keys to values at the top " +
                               "of the file, got a list" },
        { "log_level: INFO\n\tpid_file: x",
            "config.yml:2:1: YAML syntax error: tab in indentation; YAML indents with spaces only" },
    };

    [Theory]
    [MemberData(nameof(BadMainFiles))]
    public void A_bad_main_file_reports_the_mistake_with_position(string text, string expected) =>
        Assert.Equal(Seq1(expected), Read(text).Errors.Map(e => e.ToString()));

    [Fact]
    public void A_typo_in_a_main_key_is_a_warning()
    {
        var result = Read("persist_host_block: false\n");
        Assert.Equal(Some.MainDefaults, result.Value.Match(Succ: m => m, Fail: _ => null!));
        Assert.Equal(Seq1("config.yml:1:1: persist_host_block: unknown key `persist_host_block`, " +
                         "did you mean `persist_hosts_block`?"),
            result.Warnings.Map(w => w.ToString()));
    }
}
