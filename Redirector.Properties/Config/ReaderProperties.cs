using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Config;

namespace Redirector.Properties.Config;

public class ReaderProperties
{
    static ReadResult<LbConfig> Read(string text) => LbConfigReader.Read("lb.yml", text);

    /// <summary>True when every error is one line, positioned, and came from a real check
    /// rather than the last-resort guard.</summary>
    static bool WellFormed<T>(ReadResult<T> result) =>
        result.Errors.Append(result.Warnings).ForAll(e =>
            e.File == "lb.yml" && e.Line >= 1 && e.Column >= 1
            && !e.ToString().Contains('\n') && !e.ToString().Contains('\r')
            && !e.Message.StartsWith("cannot read this file"));

    [Property(MaxTest = 300)]
    public Property A_valid_lb_rendered_to_yaml_reads_back_equal() =>
        Prop.ForAll(Gens.ConfigLbFile.ToArbitrary(), file =>
        {
            var result = Read(file.Yaml.Render());
            return (result.Value.Match(Succ: lb => lb == file.Lb, Fail: _ => false)
                    && result.Warnings.IsEmpty)
                .Label(file.Yaml.Render())
                .Label(string.Join("\n", result.Errors));
        });

    [Property(MaxTest = 300)]
    public Property A_valid_main_config_rendered_to_yaml_reads_back_equal() =>
        Prop.ForAll(Gens.ConfigMainFile("/etc/redirector").ToArbitrary(), file =>
        {
            var result = MainConfigReader.Read("config.yml", file.Yaml.Render(), "/etc/redirector");
            return (result.Value.Match(Succ: m => m == file.Main, Fail: _ => false)
                    && result.Warnings.IsEmpty)
                .Label(file.Yaml.Render())
                .Label(string.Join("\n", result.Errors));
        });

    [Property(MaxTest = 300)]
    public Property One_invalid_field_gives_one_error_naming_that_field() =>
        Prop.ForAll((
                from file in Gens.ConfigLbFile
                from mutation in Mutation.For(file.Lb)
                select (file, mutation)).ToArbitrary(),
            x =>
            {
                var text = x.file.Yaml.With(x.mutation.Path, x.mutation.Value).Render();
                var result = Read(text);
                var errors = result.Errors;
                return (errors.Count == 1 && errors[0].Field == x.mutation.ExpectedField
                        && WellFormed(result))
                    .Label($"{x.mutation}\n{text}\n{string.Join("\n", errors)}");
            });

    [Property(MaxTest = 500)]
    public Property Arbitrary_text_never_makes_the_reader_throw() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            WellFormed(Read(text ?? "")) && WellFormed(
                MainConfigReader.Read("lb.yml", text ?? "", "/etc")));

    [Property(MaxTest = 500)]
    public Property Arbitrary_bytes_never_make_the_reader_throw() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            WellFormed(Read(Encoding.UTF8.GetString(bytes ?? []))));

    static readonly string[] Fragments =
    [
        "name", "local_host", "backend_hosts", "healthcheck", "config", "port", "period", ":",
        ": ", "- ", "  ", "\t", "\n", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "!!str ",
        "!!binary ", "? ", "|", ">", "%YAML 1.2\n", "---\n", "...\n", "#", "~", "null", "70000",
        "-1", "0x1F", "1e400", ".inf", "<<: ", "\u0000", "\u2028", "\\", "@", "`",
    ];

    [Property(MaxTest = 1000)]
    public Property Yaml_like_fragments_never_make_the_reader_throw() =>
        Prop.ForAll(Gen.Elements(Fragments).ArrayOf().Select(string.Concat).ToArbitrary(),
            text => WellFormed(Read(text)).Label(text));

    [Property(MaxTest = 500)]
    public Property A_valid_file_with_one_character_changed_never_makes_the_reader_throw() =>
        Prop.ForAll((
                from file in Gens.ConfigLbFile
                let text = file.Yaml.Render()
                from at in Gen.Choose(0, text.Length - 1)
                from c in Gen.Elements(" \t\n:-[]{}\"'#&*!|>%@`,?".ToCharArray())
                from replace in Gen.Elements(true, false)
                select replace ? text[..at] + c + text[(at + 1)..] : text[..at] + c + text[at..])
            .ToArbitrary(),
            text => WellFormed(Read(text)).Label(text));
}
