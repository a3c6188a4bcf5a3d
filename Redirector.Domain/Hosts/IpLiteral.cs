using System.Net;
using System.Net.Sockets;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Hosts;

/// <summary>An IPv4 dotted-quad or IPv6 address literal, kept in its canonical text form.</summary>
public sealed record IpLiteral
{
    public string Value { get; }
    public bool IsV6 { get; }

    IpLiteral(string value, bool isV6) => (Value, IsV6) = (value, isV6);

    public static Validation<string, IpLiteral> Create(string? text) =>
        TryParse(text).ToValidation($"'{HostName.Shown(text ?? "")}' is not an IP address");

    /// <summary>Stricter than IPAddress.TryParse, which reads "010.0.0.1" as octal (8.0.0.1),
    /// "1" or "1.2.3" as IPv4, and "[::1]:80" as ::1: each would be a silent rewrite.</summary>
    public static Option<IpLiteral> TryParse(string? text) =>
        string.IsNullOrEmpty(text) ? None
        : text.Contains(':') ? V6(text)
        : IsDottedQuad(text) ? Some(new IpLiteral(text, false))
        : None;

    static Option<IpLiteral> V6(string text) =>
        text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6
            ? Some(new IpLiteral(address.ToString(), true))
            : None;

    static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(IsOctet);
    }

    // No leading zeros: other resolvers read them as octal, so "010" has no single meaning.
    static bool IsOctet(string part) =>
        part.Length is > 0 and <= 3
        && part.All(char.IsAsciiDigit)
        && (part.Length == 1 || part[0] != '0')
        && int.Parse(part) <= 255;

    public override string ToString() => Value;
}
