using Redirector.Domain.Decision;

namespace Redirector.Properties.Decision;

/// <summary>The closed sums the core switches on: a case it does not know (only a test can
/// make one) is a programming error named as such, never a silent no-op.</summary>
public class UnknownCaseExamples
{
    sealed record Unheard(long Now) : Input(Now);

    sealed record Unread : HostsReading;

    [Fact]
    public void An_unknown_input_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Decider.Step(Decider.Initial(1), new Unheard(1)));
        Assert.Equal("input", e.ParamName);
        Assert.StartsWith("unknown input", e.Message);
    }

    [Fact]
    public void An_unknown_reading_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Decider.Step(Decider.Initial(1), new Input.HostsRead(1, new Unread())));
        Assert.Equal("r", e.ParamName);
        Assert.StartsWith("unknown reading", e.Message);
    }
}
