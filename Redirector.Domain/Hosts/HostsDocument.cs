using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>A hosts text and the managed block found in it. The text is kept whole and the
/// block as offsets, so every byte outside the block is copied, never re-rendered. Only
/// <see cref="Parse"/> builds one, so the offsets always belong to the text.</summary>
public sealed record HostsDocument
{
    public string Text { get; }
    public Option<ManagedBlock> Block { get; }

    internal HostsDocument(string text, Option<ManagedBlock> block) =>
        (Text, Block) = (text, block);

    /// <summary>The entries of the block, in file order (empty without a block).</summary>
    public Seq<HostsEntry> Entries => Block.Map(b => b.Entries).IfNone(Empty);

    public static Either<HostsError, HostsDocument> Parse(string text) =>
        HostsParser.Parse(text);

    /// <summary>The text with the block replaced by these entries (rendered in the order
    /// given), or a new block appended when there is an entry to write (a block that exists
    /// is kept, even empty; none is added empty).</summary>
    public string Apply(Seq<HostsEntry> entries) =>
        Block.Match(
            Some: b => Replace(b, BlockRenderer.Render(entries, b.Newline, b.Trailer)),
            None: () => entries.IsEmpty ? Text : Append(entries));

    /// <summary>The text without the block (and unchanged when there is none).</summary>
    public string Remove() =>
        Block.Match(Some: b => Splice(b.Start, b.End, ""), None: () => Text);

    string Append(Seq<HostsEntry> entries)
    {
        var newline = NewlineStyle.Of(Text);
        return string.Concat(Text, NewlineStyle.Separator(Text, newline),
            BlockRenderer.Render(entries, newline, newline));
    }

    // The daemon re-applies on every check: an unchanged block must not copy a large file.
    string Replace(ManagedBlock b, string block) =>
        Text.AsSpan(b.Start, b.End - b.Start).SequenceEqual(block)
            ? Text
            : Splice(b.Start, b.End, block);

    // One allocation of the result: large hosts files (ad-block lists) stay cheap to edit.
    string Splice(int start, int end, string middle) =>
        string.Create(start + middle.Length + Text.Length - end, (Text, start, end, middle),
            static (span, s) =>
            {
                s.Text.AsSpan(0, s.start).CopyTo(span);
                s.middle.AsSpan().CopyTo(span[s.start..]);
                s.Text.AsSpan(s.end).CopyTo(span[(s.start + s.middle.Length)..]);
            });
}
