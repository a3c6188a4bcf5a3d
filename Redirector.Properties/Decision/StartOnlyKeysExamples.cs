using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>hosts_file cannot move on reload: the refusal's wording as the log shows it, and
/// which spellings of the same file are the same (a rooted path is compared normalised, a
/// relative one as written, with no working folder read).</summary>
public class StartOnlyKeysExamples
{
    static string Refusal(string running, string next) =>
        StartOnlyKeys.Refusal(Some.DecisionMain with { HostsFile = running },
                Some.DecisionMain with { HostsFile = next })
            .Match(Some: why => why, None: () => "");

    [Theory]
    [InlineData("/etc/hosts", "/etc/hosts")]
    [InlineData("/etc/hosts", "/etc/../etc/hosts")]
    [InlineData("/etc/./hosts", "/etc/hosts")]
    [InlineData("hosts", "hosts")]
    public void The_same_file_is_no_refusal(string running, string next) =>
        Assert.Equal("", Refusal(running, next));

    [Theory]
    [InlineData("/etc/hosts", "/srv/hosts")]
    [InlineData("hosts", "./hosts")]
    [InlineData("/etc/hosts", "etc/hosts")]
    public void Another_file_is_refused(string running, string next) =>
        Assert.NotEqual("", Refusal(running, next));

    [Fact]
    public void The_refusal_names_both_files_and_says_what_to_do() =>
        Assert.Equal("hosts_file: /srv/hosts instead of /etc/hosts; hosts_file is read at start "
                     + "and a reload does not move it: restart the daemon to use the new file",
            Refusal("/etc/hosts", "/srv/hosts"));
}
