using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

/// <summary>status_file: where the daemon keeps the status that <c>status</c> prints.</summary>
public class StatusFileKeyTests
{
    static ReadResult<MainConfig> Read(string text) =>
        MainConfigReader.Read("config.yml", text, "/etc/redirector");

    static string StatusFileOf(string text) =>
        Read(text).Value.Match(Succ: m => m.StatusFile, Fail: es => string.Join("\n", es));

    [Fact]
    public void Without_the_key_the_status_file_is_under_run() =>
        Assert.Equal("/run/redirector/status.json", StatusFileOf("log_level: INFO"));

    [Theory]
    [InlineData("status_file: /var/lib/redirector/s.json", "/var/lib/redirector/s.json")]
    [InlineData("status_file: state/s.json", "/etc/redirector/state/s.json")]
    public void The_key_is_read_and_a_relative_path_taken_from_the_main_files_folder(
        string line, string expected) =>
        Assert.Equal(expected, StatusFileOf(line));

    [Theory]
    [InlineData("status_file: \"\"", "config.yml:1:14: status_file: must not be empty")]
    [InlineData("status_file: [a]",
        "config.yml:1:14: status_file: expected a text value, got a list")]
    public void A_bad_status_file_is_a_positioned_error(string text, string expected) =>
        Assert.Equal(Seq1(expected), Read(text).Errors.Map(e => e.ToString()));

    [Fact]
    public void The_key_is_known_so_it_is_not_warned_about() =>
        Assert.Empty(Read("status_file: /tmp/s.json").Warnings);
}
