using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Hosts;

/// <summary>The check every text passes before it is written.</summary>
public class WriteCheckExamples
{
    static string WithBlock(string entries) =>
        $"127.0.0.1 localhost\n{Markers.Begin}\n{entries}{Markers.End}\n";

    [Fact]
    public void A_text_with_the_intended_block_passes()
    {
        var text = Some.HostsDocumentOf(Some.HostsText).Apply(Some.HostsEntries);
        Assert.True(WriteCheck.Verify(text, Some.HostsEntries).IsRight);
    }

    [Fact]
    public void A_second_END_after_the_block_is_refused()
    {
        var text = WithBlock("10.0.0.12  minio.local\n") + Markers.End + "\n";
        var error = WriteCheck.Verify(text, Seq1(Some.MinioEntry)).Match(_ => null, e => e);
        var refused = Assert.IsType<HostsError.WouldNotReadBack>(error);
        Assert.Equal(5, refused.Line);
    }

    [Fact]
    public void A_block_with_other_entries_is_refused() =>
        Assert.True(WriteCheck.Verify(WithBlock(""), Seq1(Some.MinioEntry)).IsLeft);

    [Fact]
    public void A_text_without_a_block_passes_only_when_nothing_is_to_be_written()
    {
        Assert.True(WriteCheck.Verify("127.0.0.1 localhost\n", Empty).IsRight);
        Assert.True(WriteCheck.Verify("127.0.0.1 localhost\n", Seq1(Some.MinioEntry)).IsLeft);
    }
}
