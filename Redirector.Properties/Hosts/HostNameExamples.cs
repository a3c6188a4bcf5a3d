using HostName = Redirector.Domain.Hosts.HostName;

namespace Redirector.Properties.Hosts;

public class HostNameExamples
{
    static readonly string Label63 = new('a', 63);

    [Fact]
    public void Lengths_at_the_limits_are_accepted()
    {
        Assert.True(HostName.Create(Label63 + ".lan").IsSuccess);
        Assert.True(HostName.Create(string.Join('.', Enumerable.Repeat("a", 127))).IsSuccess);
    }

    [Fact]
    public void One_character_over_a_limit_is_refused()
    {
        Assert.True(HostName.Create(Label63 + "a.lan").IsFail);
        Assert.True(HostName.Create(string.Join('.', Enumerable.Repeat("a", 127)) + "a").IsFail);
    }

    [Theory]
    [InlineData("minio local")]
    [InlineData("minio.local\n10.6.6.6 evil.example")]
    [InlineData("minio#x")]
    [InlineData("minio..local")]
    [InlineData("minio.local.")]
    [InlineData("-minio.local")]
    [InlineData("10.0.0.1")]
    [InlineData("")]
    public void Names_that_could_break_a_hosts_line_are_refused_with_a_one_line_reason(string text)
    {
        var reasons = HostName.Create(text).Match(Succ: _ => [], Fail: e => e.ToArray());
        var reason = Assert.Single(reasons);
        Assert.DoesNotContain('\n', reason);
    }
}
