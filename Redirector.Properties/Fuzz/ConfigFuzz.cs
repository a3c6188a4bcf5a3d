using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Config;

namespace Redirector.Properties.Fuzz;

/// <summary>Issue 7, item 6 for the YAML readers. Config/ReaderProperties already throws
/// arbitrary text, bytes and one-character edits at the LB reader; this adds the main-file
/// reader and several spliced YAML fragments per file for both: never an exception, always a
/// value or one-line errors positioned in the file.</summary>
public class ConfigFuzz
{
    const string Dir = "/etc/redirector";

    static readonly string[] Fragments =
    [
        ":", ": ", "- ", "  ", "\t", "\n", "\r\n", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a",
        "!!str ", "!!int ", "!!map ", "!<tag:x> ", "? ", "|", ">-", "%YAML 1.1\n", "%TAG ! x\n",
        "---\n", "...\n", "#", "~", "null", "-1", "99999999999999999999", ".nan", "<<: *a\n",
        "\0", "\u2028", "\uFEFF", "\\", "\"\\u12\"", "log_level: ", "lb_configs_dir: ", "{a: [",
    ];

    static Gen<string> Spliced(Gen<string> valid) =>
        from text in valid
        from edits in Gen.Choose(1, 5)
        from positions in Gen.ArrayOf(Gen.Choose(0, text.Length), edits)
        from inserts in Gen.ArrayOf(Gen.Elements(Fragments), edits)
        from cuts in Gen.ArrayOf(Gen.Choose(0, 6), edits)
        select Splice(text, positions, inserts, cuts);

    static string Splice(string text, int[] positions, string[] inserts, int[] cuts)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            var at = Math.Min(positions[i], text.Length);
            var cut = Math.Min(cuts[i], text.Length - at);
            text = text[..at] + inserts[i] + text[(at + cut)..];
        }
        return text;
    }

    static Gen<string> ValidMain => Gens.ConfigMainFile(Dir).Select(f => f.Yaml.Render());
    static Gen<string> ValidLb => Gens.ConfigLbFile.Select(f => f.Yaml.Render());

    static Property WellFormed<T>(string file, ReadResult<T> result, string text) =>
        result.Errors.Append(result.Warnings).ForAll(e =>
                e.File == file && e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0
                && !e.ToString().Contains('\n') && !e.ToString().Contains('\r')
                && !e.Message.StartsWith("cannot read this file"))
            .Label(text)
            .Label(string.Join("\n", result.Errors.Append(result.Warnings)));

    static Property MainFile(string text) =>
        WellFormed("config.yml", MainConfigReader.Read("config.yml", text, Dir), text);

    static Property Lb(string text) =>
        WellFormed("lb.yml", LbConfigReader.Read("lb.yml", text), text);

    [Property(MaxTest = 1000)]
    public Property A_spliced_valid_main_file_reads_to_a_value_or_positioned_errors() =>
        Prop.ForAll(Spliced(ValidMain).ToArbitrary(), MainFile);

    [Property(MaxTest = 1000)]
    public Property A_spliced_valid_lb_file_reads_to_a_value_or_positioned_errors() =>
        Prop.ForAll(Spliced(ValidLb).ToArbitrary(), Lb);

    [Property(MaxTest = 500)]
    public Property Arbitrary_bytes_into_the_main_reader_give_positioned_errors() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(),
            bytes => MainFile(Encoding.UTF8.GetString(bytes ?? [])));

    [Property(MaxTest = 500)]
    public Property A_valid_main_file_cut_short_reads_to_a_value_or_positioned_errors() =>
        Prop.ForAll((
                from text in ValidMain
                from length in Gen.Choose(0, text.Length)
                select text[..length]).ToArbitrary(),
            MainFile);
}
