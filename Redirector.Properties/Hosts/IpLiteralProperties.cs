using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

public class IpLiteralProperties
{
    [Property(MaxTest = 300)]
    public Property Dotted_quads_round_trip_unchanged() =>
        Prop.ForAll(Gens.V4Text.ToArbitrary(), text =>
        {
            var address = Some.IpOf(text);
            Assert.Equal((text, false), (address.Value, address.IsV6));
        });

    [Property(MaxTest = 300)]
    public Property Canonical_IPv6_round_trips_unchanged() =>
        Prop.ForAll(Gens.V6Text.ToArbitrary(), text =>
        {
            var address = Some.IpOf(text);
            Assert.Equal((text, true), (address.Value, address.IsV6));
        });

    [Property(MaxTest = 300)]
    public Property Any_literal_parses_back_from_its_value() =>
        Prop.ForAll(Gens.AnyIpLiteral.ToArbitrary(), address =>
            Assert.Equal(address, IpLiteral.TryParse(address.Value).IfNone(() =>
                throw new Xunit.Sdk.XunitException($"'{address.Value}' did not parse back"))));

    [Property(MaxTest = 300)]
    public Property Expanded_upper_case_IPv6_reads_as_its_canonical_text() =>
        Prop.ForAll(Gens.V6Text.ToArbitrary(), text =>
        {
            var bytes = IPAddress.Parse(text).GetAddressBytes();
            var expanded = string.Join(':', Enumerable.Range(0, 8)
                .Select(i => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).ToString("X4")));
            Assert.Equal(text, Some.IpOf(expanded).Value);
        });

    static Gen<string> V4WithLeadingZero =>
        from octets in Gen.ArrayOf(Gen.Choose(0, 99), 4)
        from at in Gen.Choose(0, 3)
        select string.Join('.', octets.Select((o, i) => i == at ? "0" + o : o.ToString()));

    [Property(MaxTest = 300)]
    public Property Octets_with_a_leading_zero_are_refused_as_ambiguous() =>
        Prop.ForAll(V4WithLeadingZero.ToArbitrary(), text =>
            Assert.True(IpLiteral.TryParse(text).IsNone, text));
}
