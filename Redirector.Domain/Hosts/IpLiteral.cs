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

    /// <summary>Stricter than IPAddress.TryParse, which also takes "1" or "0x7f.1" as IPv4.</summary>
    public static Option<IpLiteral> TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || !IPAddress.TryParse(text, out var address))
            return None;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return text.Contains(':') && !text.Contains('%')
                ? Some(new IpLiteral(address.ToString(), true))
                : None;
        var parts = text.Split('.');
        var dottedQuad = parts.Length == 4 && parts.All(p =>
            p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p) <= 255);
        return dottedQuad ? Some(new IpLiteral(address.ToString(), false)) : None;
    }

    public override string ToString() => Value;
}
