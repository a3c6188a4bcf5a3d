using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Hardening;

/// <summary>Issue 7, item 6: a backend name that does not resolve is a probe failure with a
/// reason, not an error of the run. The shell runs in a private mount namespace whose
/// resolv.conf names a loopback resolver that is not there, so no query leaves the machine;
/// the other backend is chosen.</summary>
[Trait("Category", "Hardening")]
public sealed class UnknownHostTests : IDisposable
{
    readonly ConfigDir dir = new();

    public void Dispose() => dir.Dispose();

    [RootFact]
    public async Task An_unresolvable_backend_is_down_with_a_dns_reason()
    {
        using var server = LoopbackTcpServer.Started();
        dir.WriteTcpLb("dns", server.Port, ["no-such-backend.invalid", "127.0.0.1"]);
        var resolv = Path.Combine(dir.Folder, "resolv.conf");
        File.WriteAllText(resolv, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");

        using var shell = ShellProcess.StartBindMounted(resolv, "/etc/resolv.conf",
            "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path, "--dry-run");
        Assert.Equal(0, await shell.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var line = Assert.Single(shell.Stdout.Split('\n'),
            l => l.Contains("no-such-backend.invalid: down"));
        Assert.Matches("down, DNS: (no such host|temporary failure)$", line);
        Assert.Contains("# dns: dns.test -> 127.0.0.1", shell.Stdout);
    }
}
