using System.Net;
using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Redirector.Domain.Hosts;
using HostName = Redirector.Domain.Hosts.HostName;
using Redirector.Properties.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Hosts texts, realistic and hostile, read as Latin-1 (chars 0-255), shaped so
/// that the block, the bytes around it and the expected error are known in advance.</summary>
public static partial class Gens
{
    const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const string Alnum = Letters + "0123456789";
    const string Latin1Bom = "\u00EF\u00BB\u00BF";

    static Gen<string> StringOf(Gen<char> chars, int length) =>
        Gen.ArrayOf(chars, length).Select(cs => new string(cs));

    static Gen<T[]> Several<T>(Gen<T> gen, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(gen, n));

    // ---- names and addresses

    static Gen<string> HostLabel(string firstChars) =>
        from length in Gen.Frequency((8, Gen.Choose(1, 12)), (1, Gen.Choose(13, 63)))
        from head in Gen.Elements(firstChars.ToCharArray())
        from middle in StringOf(Gen.Elements((Alnum + "-").ToCharArray()), Math.Max(0, length - 2))
        from tail in Gen.Elements(Alnum.ToCharArray())
        select length == 1 ? head.ToString() : head + middle + tail;

    /// <summary>Valid RFC 1123 names; the last label starts with a letter (not all digits).</summary>
    public static Gen<string> HostNameText =>
        (from labels in Several(HostLabel(Alnum), 0, 3)
         from last in HostLabel(Letters)
         select string.Join('.', labels.Append(last)))
        .Where(n => n.Length <= HostName.MaxLength);

    public static Gen<char> ForbiddenHostNameChar => Gen.OneOf(
        Gen.Elements(' ', '\t', '\n', '\r', '\v', '\f', '#', '_', '\u007F', '\u00A0', '\u00E9'),
        Gen.Choose(0, 0x1F).Select(c => (char)c),
        Gen.Choose(0x80, 0x9F).Select(c => (char)c));

    /// <summary>Whitespace, '#', control chars or line breaks, empty labels, too long.</summary>
    public static Gen<string> InvalidHostNameText => Gen.OneOf(
        from name in HostNameText
        from bad in ForbiddenHostNameChar
        from at in Gen.Choose(0, name.Length)
        select name.Insert(at, bad.ToString()),
        from name in HostNameText
        from shape in Gen.Elements(".{0}", "{0}.", "{0}..{0}", "")
        select string.Format(shape, name),
        from labels in Gen.Choose(128, 300) // 127 labels "a" make exactly 253
        select string.Join('.', Enumerable.Repeat("a", labels)));

    public static Gen<HostName> AnyHostName => HostNameText.Select(Some.HostNameOf);

    public static Gen<string> V4Text =>
        Gen.ArrayOf(Gen.Choose(0, 255), 4).Select(octets => string.Join('.', octets));

    /// <summary>Canonical IPv6 text: zero groups are frequent so "::" shows up.</summary>
    public static Gen<string> V6Text =>
        from groups in Gen.ArrayOf(
            Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, 0xFFFF))), 8)
        select new IPAddress(groups.SelectMany(g => new[] { (byte)(g >> 8), (byte)g }).ToArray())
            .ToString();

    public static Gen<IpLiteral> AnyIpLiteral => Gen.OneOf(V4Text, V6Text).Select(Some.IpOf);

    public static Gen<HostsEntry> AnyHostsEntry =>
        from address in AnyIpLiteral
        from name in AnyHostName
        from aliases in Several(AnyHostName, 0, 3)
        select new HostsEntry(address, name, toSeq(aliases));

    public static Gen<Seq<HostsEntry>> AnyHostsEntries =>
        Several(AnyHostsEntry, 0, 6).Select(toSeq);

    // ---- lines outside the block: none of them is a marker line

    static readonly string[] TypicalLines =
    [
        "127.0.0.1\tlocalhost", "127.0.1.1 box.example.org box",
        "::1     localhost ip6-localhost ip6-loopback", "ff02::1 ip6-allnodes",
        "# The following lines are desirable for IPv6 capable hosts", "0.0.0.0 ads.example.com",
        "#0.0.0.0 disabled.example.com", "", " ", "\t", " \t ", "10.0.0.5\tnas.lan\t# the NAS",
        "###############", "\u00E9t\u00E9.lan 10.0.0.9", "\u0000", "\f",
    ];

    /// <summary>Lines that merely mention the marker words.</summary>
    static readonly string[] MentionLines =
    [
        "# see BEGIN REDIRECTOR MANAGED BLOCK docs", "127.0.0.1 x # END REDIRECTOR MANAGED BLOCK",
        "## BEGIN REDIRECTOR MANAGED BLOCK", "# BEGIN REDIRECTOR MANAGED BLOCKS",
        "#BEGIN REDIRECTOR MANAGED BLOCK", "# begin redirector managed block",
        "# END  REDIRECTOR MANAGED BLOCK", "# END REDIRECTOR MANAGED BLOCK.",
        "x# END REDIRECTOR MANAGED BLOCK", "# BEGIN REDIRECTOR MANAGED BLOCK # END",
        "\u00A0# BEGIN REDIRECTOR MANAGED BLOCK", "# BEGIN REDIRECTOR MANAGED BLOCK\u0000",
        "\v# END REDIRECTOR MANAGED BLOCK", "\r# END REDIRECTOR MANAGED BLOCK",
        "# BEGIN REDIRECTOR MANAGED BLOCK\r# END REDIRECTOR MANAGED BLOCK",
        "REDIRECTOR MANAGED BLOCK", "\t# END REDIRECTOR MANAGED BLOCK\r\r",
    ];

    static Gen<string> EntryLikeLine =>
        from address in Gen.OneOf(V4Text, V6Text)
        from gap in Gen.Elements(" ", "\t", "  ", " \t ")
        from name in HostNameText
        from comment in Gen.Elements("", " # comment", "\t#", " ")
        select address + gap + name + comment;

    static Gen<char> Latin1NoLf => Gen.Choose(0, 255).Where(c => c != '\n').Select(c => (char)c);

    static Gen<string> NoiseLine => Gen.Choose(0, 80).SelectMany(n => StringOf(Latin1NoLf, n));

    static Gen<string> LongLine =>
        from unit in NoiseLine.Where(s => s.Length > 0)
        from times in Gen.Choose(100, 2_000)
        select string.Concat(Enumerable.Repeat(unit, times));

    public static Gen<string> HostsLine => Gen.Frequency(
        (6, Gen.Elements(TypicalLines)), (3, EntryLikeLine), (3, Gen.Elements(MentionLines)),
        (4, NoiseLine), (1, LongLine));

    /// <summary>Whole lines, each ending in LF or CRLF (one style, or mixed).</summary>
    static Gen<string> TerminatedLines =>
        from style in Gen.Elements("\n", "\r\n", "mixed")
        from lines in Gen.Sized(size => Several(HostsLine, 0, Math.Min(size, 40)))
        from ends in Gen.ArrayOf(Gen.Elements("\n", "\r\n"), lines.Length)
        select string.Concat(lines.Select((l, i) => l + (style == "mixed" ? ends[i] : style)));

    static Gen<string> MaybeBom =>
        Gen.Frequency((5, Gen.Constant("")), (1, Gen.Constant(Latin1Bom)));

    /// <summary>Marker-free, and empty or ending in a newline.</summary>
    public static Gen<string> HostsTextEndingInNewline =>
        from bom in MaybeBom
        from lines in TerminatedLines
        select lines.Length == 0 ? "" : bom + lines;

    /// <summary>Marker-free text where a block may start: whole lines, or just a BOM.</summary>
    static Gen<string> TextBeforeBlock => Gen.Frequency(
        (1, Gen.Constant(Latin1Bom)),
        (8, from bom in MaybeBom
            from lines in TerminatedLines
            select bom + lines));

    /// <summary>Marker-free, any ending (often no final newline).</summary>
    public static Gen<string> MarkerFreeHostsText =>
        from start in HostsTextEndingInNewline
        from last in Gen.Frequency((2, Gen.Constant("")), (1, HostsLine))
        select start + last;

    /// <summary>Marker-free text that may follow a block (no BOM: not at the start).</summary>
    static Gen<string> TextAfterBlock =>
        from lines in TerminatedLines
        from last in Gen.Frequency((2, Gen.Constant("")), (1, HostsLine))
        select lines + last;
}
