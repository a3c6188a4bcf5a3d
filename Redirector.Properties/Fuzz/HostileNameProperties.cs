using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;
using Redirector.Properties.Config;
using static Redirector.Properties.Config.YamlTree;
using HostName = Redirector.Domain.Hosts.HostName;

namespace Redirector.Properties.Fuzz;

/// <summary>Issue 7, item 4: whatever string a config puts in local_host, its aliases or
/// backend_hosts, the YAML reader and the block renderer together never let it add a line, a
/// comment or a second address to the managed block. Strings with anything but letters,
/// digits, '-' and '.' are refused, naming the field (or, for a line separator
/// the YAML scanner rejects, the syntax).</summary>
public class HostileNameProperties
{
    static readonly string[] Injections =
    [
        "\n", "\r", "\r\n", "\n10.6.6.6 evil.test", " ", "\t", "#", "# comment", " 10.6.6.6",
        "\0", "\v", "\f", "\u0085", "\u2028", "\u2029", "\u00A0", "\u3000", ",", ";", "/", "_",
        "\u00E9", "\uFF11", "\u0131", "\u212A", "\"", "'", "\\", "$(id)", "*", "\u00AD", "\u200B",
        "\n# END REDIRECTOR MANAGED BLOCK\n", "\n# BEGIN REDIRECTOR MANAGED BLOCK\n", ":",
    ];

    static Gen<string> Hostile =>
        Gen.Frequency(
            (1, Gens.HostNameText),
            (4, from name in Gens.HostNameText
                from at in Gen.Choose(0, name.Length)
                from injected in Gen.Elements(Injections)
                select name[..at] + injected + name[at..]),
            (1, Gen.Elements(Injections).ArrayOf().Select(string.Concat)));

    static readonly string[] Fields = ["local_host", "local_host[1]", "backend_hosts[0]"];

    static bool Plain(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    static YamlTree Place(YamlTree yaml, LbConfig lb, string field, string hostile) =>
        field == "local_host[1]"
            ? yaml.With("local_host", Items(Str(lb.LocalHost.Value), Str(hostile)))
            : yaml.With(field, Str(hostile));

    [Property(MaxTest = 2000)]
    public Property No_config_value_adds_a_line_a_comment_or_an_address_to_the_block() =>
        Prop.ForAll((
                from file in Gens.ConfigLbFile
                from field in Gen.Elements(Fields)
                from hostile in Hostile
                from address in Gens.AnyIpLiteral
                select (file, field, hostile, address)).ToArbitrary(),
            x =>
            {
                var text = Place(x.file.Yaml, x.file.Lb, x.field, x.hostile).Render();
                var result = LbConfigReader.Read("lb.yml", text);
                var label = $"{x.field} <- {Shown(x.hostile)}";
                return result.Value.Match(
                    Succ: lb => (Plain(x.hostile) && SafeBlock(lb, x.address)).Label(label),
                    Fail: es => es.Exists(e => e.Field.StartsWith(Root(x.field))
                                               || e.Field.Length == 0)
                        .Label(label + "\n" + string.Join("\n", es)));
            });

    static string Shown(string text) => string.Concat(text.Select(c =>
        c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));

    static string Root(string field) => field.Split('[')[0];

    /// <summary>Rendered into a hosts text, the LB gives one line: an address, then names.
    /// </summary>
    static bool SafeBlock(LbConfig lb, IpLiteral address)
    {
        var entry = new HostsEntry(address, lb.LocalHost, lb.Aliases);
        var text = Some.HostsDocumentOf(Some.HostsText).Apply(LanguageExt.Prelude.Seq1(entry));
        var lines = text.Split('\n');
        var begin = Array.IndexOf(lines, Markers.Begin);
        var end = Array.IndexOf(lines, Markers.End);
        if (begin < 0 || end != begin + 2) return false;
        var fields = lines[begin + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields[0] == address.Value
               && fields.Skip(1).All(f => Plain(f) && IpLiteral.TryParse(f).IsNone)
               && fields.Length == 1 + lb.Aliases.Count + 1
               && lb.Backends.ForAll(b => IpLiteral.TryParse(b.Host).IsSome || Plain(b.Host));
    }
}
