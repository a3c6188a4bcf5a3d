using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Redirector.Domain.Hosts;
using Redirector.Properties.Hosts;

namespace Redirector.Properties;

/// <summary>Hosts texts around a block: well-formed blocks in the original program's layout
/// or hand-edited, and broken ones with the error they must give.</summary>
public static partial class Gens
{
    static Gen<string> MarkerLineText(string marker, string terminator) =>
        from lead in Gen.Elements("", "", " ", "\t")
        from trail in Gen.Elements("", "", " ", "\t ")
        select lead + marker + trail + terminator;

    /// <summary>The original program's layout: address left-justified to the longest plus two
    /// spaces (an independent model of the renderer).</summary>
    static Gen<string> TidyEntryLines(Seq<HostsEntry> entries, string newline)
    {
        var width = entries.Map(e => e.Address.Value.Length).Fold(0, Math.Max) + 2;
        return Gen.Constant(string.Concat(entries.Map(e =>
            e.Address.Value.PadRight(width) + string.Join(' ', e.Names.Map(n => n.Value))
            + newline)));
    }

    /// <summary>Hand-edited: odd gaps, tabs, trailing blanks, upper-case IPv6, blanks.</summary>
    static Gen<string> MessyEntryLine(HostsEntry e, string newline) =>
        from lead in Gen.Elements("", " ", "\t")
        from gaps in Gen.ArrayOf(Gen.Elements(" ", "\t", "   ", " \t"), e.Names.Count)
        from upper in Gen.Elements(false, e.Address.IsV6)
        from trail in Gen.Elements("", " ", "\t")
        from blank in Gen.Frequency((4, Gen.Constant("")), (1, Gen.Elements("", " ", "\t \t")
            .Select(b => b + newline)))
        select blank + lead + (upper ? e.Address.Value.ToUpperInvariant() : e.Address.Value)
            + string.Concat(e.Names.Select((n, i) => gaps[i] + n.Value)) + trail + newline;

    static Gen<string> MessyEntryLines(Seq<HostsEntry> entries, string newline) =>
        Gen.CollectToList(entries.Map(e => MessyEntryLine(e, newline)))
            .Select(lines => string.Concat(lines));

    static Gen<(string Text, Seq<HostsEntry> Entries)> BlockText(bool mayEndOpen) =>
        from entries in AnyHostsEntries
        from newline in Gen.Elements("\n", "\r\n")
        from body in Gen.OneOf(TidyEntryLines(entries, newline), MessyEntryLines(entries, newline))
        from begin in MarkerLineText(Markers.Begin, newline)
        from endTerminator in mayEndOpen ? Gen.Elements(newline, "") : Gen.Constant(newline)
        from end in MarkerLineText(Markers.End, endTerminator)
        select (begin + body + end, entries);

    public static Gen<HostsWithBlock> AnyHostsWithBlock =>
        from before in TextBeforeBlock
        from after in TextAfterBlock
        from block in BlockText(mayEndOpen: after.Length == 0)
        select new HostsWithBlock(before, block.Text, after, block.Entries);

    /// <summary>A text that may hold one block: the inputs every edit must accept.</summary>
    public static Gen<string> EditableHostsText => Gen.OneOf(
        MarkerFreeHostsText, AnyHostsWithBlock.Select(h => h.Text));

    // ---- broken texts

    static int NextLine(string text) => text.Count(c => c == '\n') + 1;

    static Gen<string> GarbageLine => Gen.OneOf(
        Gen.Elements("# a comment", "not-an-address host", "10.0.0.1", "010.0.0.1 host",
            "10.0.0.1 bad_name", "10.0.0.1 host # comment", "[::1] host", "10.0.0.256 host",
            "10.0.0.1 -host", "10.0.0.1 host..lan", "10.0.0.1 123", "host 10.0.0.1"),
        NoiseLine.Select(noise => "#" + noise),
        from address in V4Text
        from name in HostNameText
        from bad in Gen.Elements('#', '\0', '\u007F', '_', '\u00E9', '\v', '\f', '\u0085')
        from at in Gen.Choose(0, name.Length)
        select address + " " + name.Insert(at, bad.ToString()));

    static Gen<BrokenHosts> Broken(Type error, Func<string, Gen<string>> rest,
        Func<string, string, (int Line, int FirstLine)> locate) =>
        from before in TextBeforeBlock
        from tail in rest(before)
        let at = locate(before, tail)
        select new BrokenHosts(before + tail, error, at.Line, at.FirstLine);

    static Gen<BrokenHosts> OnlyBegin =>
        Broken(typeof(HostsError.MissingEnd), _ =>
            from begin in MarkerLineText(Markers.Begin, "\n")
            from after in TextAfterBlock
            select begin + after, (before, _) => (NextLine(before), 0));

    static Gen<BrokenHosts> OnlyEnd =>
        Broken(typeof(HostsError.MissingBegin), _ =>
            from end in MarkerLineText(Markers.End, "\r\n")
            from after in TextAfterBlock
            select end + after, (before, _) => (NextLine(before), 0));

    static Gen<BrokenHosts> EndBeforeBegin =>
        Broken(typeof(HostsError.MissingBegin), _ =>
            from end in MarkerLineText(Markers.End, "\n")
            from middle in TerminatedLines
            from block in BlockText(mayEndOpen: false)
            from after in TextAfterBlock
            select end + middle + block.Text + after, (before, _) => (NextLine(before), 0));

    static Gen<BrokenHosts> TwoBlocks =>
        from before in TextBeforeBlock
        from first in BlockText(mayEndOpen: false)
        from middle in TerminatedLines
        from second in BlockText(mayEndOpen: true)
        let head = before + first.Text + middle
        select new BrokenHosts(head + second.Text, typeof(HostsError.SecondBlock),
            NextLine(head), NextLine(before));

    static Gen<BrokenHosts> NestedBegin =>
        from before in TextBeforeBlock
        from begin in MarkerLineText(Markers.Begin, "\n")
        from middle in TerminatedLines
        from block in BlockText(mayEndOpen: true)
        let head = before + begin + middle
        select new BrokenHosts(head + block.Text, typeof(HostsError.NestedBegin),
            NextLine(head), NextLine(before));

    static Gen<BrokenHosts> GarbageInBlock =>
        from before in TextBeforeBlock
        from begin in MarkerLineText(Markers.Begin, "\n")
        from good in AnyHostsEntries.SelectMany(es => MessyEntryLines(es, "\n"))
        from garbage in GarbageLine
        from rest in AnyHostsEntries.SelectMany(es => MessyEntryLines(es, "\r\n"))
        from end in MarkerLineText(Markers.End, "\n")
        from after in TextAfterBlock
        let head = before + begin + good
        select new BrokenHosts(head + garbage + "\n" + rest + end + after,
            typeof(HostsError.BadEntry), NextLine(head), 0);

    static Gen<string> AnyMarkerLine => Gen.Elements(Markers.Begin, Markers.End,
        " " + Markers.Begin + "\t", Markers.End + " ", Markers.End + "\r");

    static Gen<string> LineInBlock => Gen.Frequency(
        (6, EntryLikeLine), (2, EntryLikeLine.Select(line => line + "\r")), (1, GarbageLine),
        (2, Gen.Elements("", " ", "\t")));

    /// <summary>A block of entry-like, garbage and blank lines among ordinary lines, often with
    /// a stray marker anywhere, in LF, CRLF or stray CRs: only a model can say what the outcome
    /// must be.</summary>
    public static Gen<string> HostsTextWithStrayMarkers =>
        from bom in MaybeBom
        from before in Several(HostsLine, 0, 4)
        from begin in Gen.Elements(Markers.Begin, " " + Markers.Begin + "\t")
        from inside in Several(LineInBlock, 0, 5)
        from end in Gen.Elements(Markers.End, Markers.End + " ", Markers.End + "\r")
        from after in Several(HostsLine, 0, 4)
        let lines = before.Append(begin).Concat(inside).Append(end).Concat(after).ToList()
        from stray in Gen.Frequency((2, Gen.Constant("")), (1, AnyMarkerLine))
        from at in Gen.Choose(0, lines.Count)
        let all = stray.Length == 0 ? lines
            : lines.Take(at).Append(stray).Concat(lines.Skip(at)).ToList()
        from ends in Gen.ArrayOf(Gen.Elements("\n", "\r\n"), all.Count)
        from open in Gen.Elements(false, true)
        select bom + string.Concat(all.Select((line, i) =>
            line + (open && i == all.Count - 1 ? "" : ends[i])));

    public static Gen<BrokenHosts> AnyBrokenHosts => Gen.OneOf(
        OnlyBegin, OnlyEnd, EndBeforeBegin, TwoBlocks, NestedBegin, GarbageInBlock);
}
