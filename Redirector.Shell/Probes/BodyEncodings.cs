using System.Text;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Probes;

/// <summary>expected_response_encoding, spelled as Python spells codecs ("utf-8", "latin-1",
/// "cp1252"), to a .NET decoder. Undecodable bytes become U+FFFD rather than an error.</summary>
static class BodyEncodings
{
    static BodyEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Get(string name)
    {
        var key = name.Trim().ToLowerInvariant().Replace('_', '-');
        key = key switch
        {
            "utf8" or "u8" or "utf" or "utf-8-sig" => "utf-8",
            "latin-1" or "latin1" or "l1" or "iso8859-1" or "8859" => "iso-8859-1",
            "ascii" or "646" => "us-ascii",
            _ => key,
        };
        try
        {
            return Encoding.GetEncoding(key);
        }
        catch (ArgumentException)
        {
            throw new ProbeFailure(FailureKind.Other, $"unknown encoding '{name}'");
        }
    }
}
