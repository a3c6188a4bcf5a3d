using LanguageExt;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Canonical hosts values for example tests; vary them with <c>with</c> or Apply.</summary>
public static partial class Some
{
    public const string HostsText =
        "127.0.0.1\tlocalhost\n" +
        "::1\tlocalhost ip6-localhost ip6-loopback\n" +
        "# The following lines are desirable for IPv6 capable hosts\n" +
        "\n" +
        "10.1.2.3  nas.lan nas\n";

    /// <summary>What the original program wrote: LF, address left-justified to the longest
    /// plus two spaces, one name per line, LBs in config order.</summary>
    public const string OriginalBlock =
        "# BEGIN REDIRECTOR MANAGED BLOCK\n" +
        "10.0.0.12    minio.local\n" +
        "10.20.0.101  elastic.local\n" +
        "# END REDIRECTOR MANAGED BLOCK\n";

    public static HostName HostNameOf(string text) =>
        HostName.Create(text).Match(Succ: n => n, Fail: e => throw new ArgumentException(
            $"test data: {string.Join("; ", e)}", nameof(text)));

    public static IpLiteral IpOf(string text) =>
        IpLiteral.Create(text).Match(Succ: a => a, Fail: e => throw new ArgumentException(
            $"test data: {string.Join("; ", e)}", nameof(text)));

    public static HostsEntry HostsEntryOf(string address, string name, params string[] aliases) =>
        new(IpOf(address), HostNameOf(name), toSeq(aliases.Select(HostNameOf)));

    public static readonly HostsEntry MinioEntry = HostsEntryOf("10.0.0.12", "minio.local");

    public static readonly HostsEntry ElasticEntry = HostsEntryOf("10.20.0.101", "elastic.local");

    public static readonly HostsEntry V6Entry =
        HostsEntryOf("fd00::1:2", "db.local", "postgres.local", "pg");

    public static readonly Seq<HostsEntry> HostsEntries = Seq(MinioEntry, ElasticEntry);

    public static HostsDocument HostsDocumentOf(string text) =>
        HostsDocument.Parse(text).Match(Right: d => d, Left: e => throw new ArgumentException(
            $"test data: {e.Message}", nameof(text)));

    public static HostsError HostsErrorOf(string text) =>
        HostsDocument.Parse(text).Match(
            Right: _ => throw new ArgumentException("test data: expected a broken hosts text"),
            Left: e => e);
}
