using System.Globalization;
using LanguageExt;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>An <c>address:port</c> to listen on (<c>127.0.0.1:9464</c>, <c>[::1]:9464</c>,
/// <c>localhost:9464</c>), checked for shape only: binding is the shell's business.</summary>
public static class ListenAddress
{
    internal static Validation<ConfigError, string> Read(Field field) =>
        field.Line().Bind(text => IsValid(text)
            ? Success<ConfigError, string>(text)
            : field.Fail<string>($"'{Field.Shown(text)}' is not an address:port " +
                                 "(e.g. 127.0.0.1:9464 or [::1]:9464)"));

    /// <summary>The host (an IPv6 literal keeps its brackets) and the port of an address that
    /// <see cref="Read"/> accepted.</summary>
    public static (string Host, int Port) Split(string text)
    {
        var colon = text.LastIndexOf(':');
        return (text[..colon], int.Parse(text[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    static bool IsValid(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0) return false;
        var (host, port) = (text[..colon], text[(colon + 1)..]);
        var portOk = int.TryParse(port, out var p) && p is >= 1 and <= 65535
                     && port.All(char.IsAsciiDigit);
        var hostOk = host.StartsWith('[') && host.EndsWith(']')
            ? IpLiteral.TryParse(host[1..^1]).Exists(ip => ip.IsV6)
            : IpLiteral.TryParse(host).Exists(ip => !ip.IsV6) || HostName.IsValid(host);
        return portOk && hostOk;
    }
}
