using System.Text;

namespace Redirector.Failover;

/// <summary>Generated hosts texts: a typical small one with comments, and an ad-block sized one.</summary>
static class OriginalHosts
{
    public static string Small() =>
        "# /etc/hosts of a benchmark node\n" +
        "127.0.0.1\tlocalhost\n" +
        "::1\tlocalhost ip6-localhost ip6-loopback\n" +
        "\n" +
        "# static entries kept by config management\n" +
        "10.0.0.5   db1.internal db1   # primary\n" +
        "10.0.0.6   db2.internal db2\n";

    public static string Large(int lines)
    {
        var text = new StringBuilder(Small());
        text.Append("# block list\n");
        for (var i = 0; i < lines; i++) text.Append("0.0.0.0 ad").Append(i).Append(".blocklist.example\n");
        return text.ToString();
    }
}
