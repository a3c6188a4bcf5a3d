using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HostName = Redirector.Domain.Hosts.HostName;

namespace Redirector.Properties.Hosts;

/// <summary>A name that could break a hosts line (or be read as an address) cannot exist.</summary>
public class HostNameProperties
{
    [Property(MaxTest = 300)]
    public Property Create_accepts_generated_valid_names_unchanged() =>
        Prop.ForAll(Gens.HostNameText.ToArbitrary(), text =>
            Assert.Equal(text, Some.HostNameOf(text).Value));

    [Property(MaxTest = 500)]
    public Property Create_rejects_blanks_hash_controls_line_breaks_empty_labels_and_long_names() =>
        Prop.ForAll(Gens.InvalidHostNameText.ToArbitrary(), text =>
            Assert.True(HostName.Create(text).IsFail, $"accepted '{Shown.Text(text)}'"));

    // RFC 1123 labels, at most 253 characters, and a last label that is not all digits.
    static readonly Regex Reference = new(
        @"^(?=.{1,253}\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*" +
        @"(?![0-9]+\z)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z");

    static Gen<string> NearlyNames =>
        from parts in Gen.ArrayOf(Gen.Frequency(
            (6, Gen.Elements("a", "Z", "7", "-", ".", "ab", "x1")),
            (1, Gen.Elements(" ", "\t", "\n", "#", "_", "\u00E9", "\0", new string('q', 63)))))
        select string.Concat(parts);

    [Property(MaxTest = 1000)]
    public Property Create_agrees_with_a_reference_expression_of_RFC_1123() =>
        Prop.ForAll(NearlyNames.ToArbitrary(), text =>
            Assert.Equal(Reference.IsMatch(text), HostName.Create(text).IsSuccess));
}
