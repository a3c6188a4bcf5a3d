using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

/// <summary>Broken markers are refused with the line to look at; nothing is guessed.</summary>
public class HostsErrorExamples
{
    const string Begin = Markers.Begin + "\n";
    const string End = Markers.End + "\n";
    const string Entry = "10.0.0.12  minio.local\n";

    [Fact]
    public void Only_BEGIN_names_the_BEGIN_line() =>
        Assert.Equal(new HostsError.MissingEnd(3),
            Some.HostsErrorOf("# a\n\n" + Begin + Entry + "10.1.1.1 x\n"));

    [Fact]
    public void Only_END_names_the_END_line() =>
        Assert.Equal(new HostsError.MissingBegin(2), Some.HostsErrorOf("# a\r\n" + End + "# b"));

    [Fact]
    public void END_before_BEGIN_names_the_END_line() =>
        Assert.Equal(new HostsError.MissingBegin(2),
            Some.HostsErrorOf("# a\n" + End + Entry + Begin + Entry));

    [Fact]
    public void Two_blocks_name_the_second_BEGIN_and_the_first() =>
        Assert.Equal(new HostsError.SecondBlock(6, 1),
            Some.HostsErrorOf(Begin + Entry + End + "# between\n\n" + Begin + Entry + End));

    [Fact]
    public void BEGIN_inside_the_block_names_both_BEGIN_lines() =>
        Assert.Equal(new HostsError.NestedBegin(3, 1),
            Some.HostsErrorOf(Begin + Entry + Begin + Entry + End));

    [Theory]
    [InlineData("# a comment")]
    [InlineData("not-an-address minio.local")]
    [InlineData("10.0.0.12")]
    [InlineData("10.0.0.12 minio.local # note")]
    [InlineData("10.0.0.12 bad_name")]
    [InlineData("010.0.0.12 minio.local")]
    [InlineData("[::1] minio.local")]
    [InlineData("10.0.0.12 minio\u0000.local")]
    [InlineData("10.0.0.12 minio.local\r")]   // with the CRLF after it: a stray CR
    public void Garbage_inside_the_block_names_its_line(string garbage)
    {
        var error = Some.HostsErrorOf("# a\n" + Begin + Entry + garbage + "\r\n" + Entry + End);
        var bad = Assert.IsType<HostsError.BadEntry>(error);
        Assert.Equal(4, bad.Line);
        Assert.Equal(garbage, bad.Text);
    }

    [Fact]
    public void Messages_name_the_line_and_stay_on_one_line()
    {
        var error = Some.HostsErrorOf(Begin + "10.0.0.12 minio\u0007.local\n" + End);
        Assert.Equal("line 2: cannot read '10.0.0.12 minio\\x07.local' inside the managed block: " +
            "'minio\\x07.local' is not a valid host name (letters, digits, '-' and '.' only)",
            error.Message);
    }

    [Fact]
    public void Users_see_file_line_and_column_on_one_line() =>
        Assert.Equal("/tmp/hosts:2:1: managed block: '# END REDIRECTOR MANAGED BLOCK' has no " +
            "'# BEGIN REDIRECTOR MANAGED BLOCK' before it",
            Some.HostsErrorOf("# a\n" + End).Describe("/tmp/hosts"));

    [Fact]
    public void A_marker_after_a_stray_CR_is_not_a_marker_so_the_block_is_unclosed() =>
        Assert.Equal(new HostsError.MissingEnd(1), Some.HostsErrorOf(Begin + Entry + "\r" + End));
}
