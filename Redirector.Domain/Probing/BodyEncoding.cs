using System.Text;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Probing;

/// <summary>expected_response_encoding, spelled as Python spells codecs ("utf-8", "latin-1",
/// "cp1252"), to a .NET decoder: config load accepts exactly the names a probe can decode
/// with. Code pages are asked of their provider directly rather than registered, so the answer
/// does not depend on what ran before in the process. Undecodable bytes become U+FFFD rather
/// than an error.</summary>
public static class BodyEncoding
{
    public static Option<Encoding> Find(string name)
    {
        var key = name.Trim().ToLowerInvariant().Replace('_', '-') switch
        {
            "utf8" or "u8" or "utf" or "utf-8-sig" => "utf-8",
            "latin-1" or "latin1" or "l1" or "iso8859-1" or "8859" => "iso-8859-1",
            "ascii" or "646" => "us-ascii",
            var other => other,
        };
        if (CodePagesEncodingProvider.Instance.GetEncoding(key) is { } codePage)
            return Some(codePage);
        try
        {
            return Some(Encoding.GetEncoding(key));
        }
        // Stryker disable once Block : an emptied catch returns default(Option), which is None
        catch (ArgumentException)
        {
            return None;
        }
    }
}
