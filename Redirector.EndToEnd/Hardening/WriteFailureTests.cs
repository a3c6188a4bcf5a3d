using System.Diagnostics;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Hardening;

/// <summary>Disk full (a tiny tmpfs), a read-only mount and a file that
/// cannot be replaced (immutable: EPERM even for root) while the daemon wants to move an
/// entry. The old file stays byte for byte, no temp file is left, the failure is logged once
/// however often the daemon retries, and the write happens by itself once the condition
/// clears. Root only: each runs in its own mount namespace or needs CAP_LINUX_IMMUTABLE.
/// Beside the other classes, not in the serial collection: its mounts are private, its file
/// its own, and nothing it asserts is timed.</summary>
[Trait("Category", "Hardening")]
public sealed class WriteFailureTests : IDisposable
{
    static readonly TimeSpan Broken = TimeSpan.FromSeconds(2);
    const string Outside = "# operator\n127.0.0.1\tlocalhost\n";

    readonly ConfigDir dir = new();
    readonly IReadOnlyList<LoopbackTcpServer> servers =
        LoopbackTcpServer.StartMany("127.0.0.1", "127.0.0.2");

    public WriteFailureTests()
    {
        servers[1].Stop();
        dir.Hosts.Write(WithEntry("127.0.0.1"));
        dir.WriteTcpLb("wf", servers[0].Port, ["127.0.0.1", "127.0.0.2"], period: 0.1);
    }

    public void Dispose()
    {
        foreach (var server in servers) server.Dispose();
        dir.Dispose();
    }

    static string WithEntry(string address) =>
        $"{Outside}{Block.Begin}\n{address}  wf.test\n{Block.End}\n";

    string[] Args(string hostsPath) => ["-c", dir.MainPath, "--hosts-file", hostsPath];

    [RootFact]
    public async Task Disk_full_is_survived_and_recovered_from()
    {
        var mount = Path.Combine(dir.Folder, "tiny");
        Directory.CreateDirectory(mount);
        var hosts = Path.Combine(mount, "hosts");
        using var daemon = Namespaced.StartOnTmpfs(mount, "256k", dir.Hosts.Path, Args(hosts));
        var filler = Namespaced.Seen(daemon, Path.Combine(mount, "filler"));
        await EpisodeAsync(daemon, Namespaced.Seen(daemon, hosts), "No space left on device",
            breakIt: () => Fill(filler), fixIt: () => File.Delete(filler));
    }

    [RootFact]
    public async Task A_read_only_mount_is_survived_and_recovered_from()
    {
        var folder = dir.Hosts.Folder;
        using var daemon = Namespaced.Start(Args(dir.Hosts.Path));
        await EpisodeAsync(daemon, dir.Hosts.Path, "Read-only file system",
            breakIt: () =>
            {
                Namespaced.Mount(daemon, "--bind", folder, folder);
                Namespaced.Mount(daemon, "-o", "remount,bind,ro", folder);
            },
            fixIt: () => Namespaced.Mount(daemon, "-o", "remount,bind,rw", folder));
    }

    [RootFact]
    public async Task A_file_that_cannot_be_replaced_is_survived_and_recovered_from()
    {
        using var daemon = dir.StartDaemon();
        try
        {
            await EpisodeAsync(daemon, dir.Hosts.Path, "EPERM",
                breakIt: () => Chattr("+i", dir.Hosts.Path),
                fixIt: () => Chattr("-i", dir.Hosts.Path));
        }
        finally
        {
            Chattr("-i", dir.Hosts.Path);
        }
    }

    async Task EpisodeAsync(ChildProcess daemon, string hostsSeen, string reason,
        Action breakIt, Action fixIt)
    {
        var original = WithEntry("127.0.0.1");
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("first decisions made"),
            TimeSpan.FromSeconds(30)), daemon.Stdout + daemon.Stderr);
        breakIt();
        servers[0].Stop();
        servers[1].Start();
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("retrying"),
            TimeSpan.FromSeconds(10)), daemon.Stdout);
        // Some twenty probe rounds, each of which retries the write.
        await Task.Delay(Broken);
        Assert.Equal(original, Read(hostsSeen));
        // The daemon retries every ~100 ms, so one attempt's temp file may exist at any instant;
        // each attempt's name is new, so a leftover is one that is still there later.
        var during = Temps(hostsSeen);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(during.Intersect(Temps(hostsSeen)));
        var failures = Lines(daemon.Stdout, "retrying");
        var failure = Assert.Single(failures);
        Assert.Contains(reason, failure);

        fixIt();
        Assert.True(await Wait.UntilAsync(() => Read(hostsSeen) == WithEntry("127.0.0.2"),
            TimeSpan.FromSeconds(15)), daemon.Stdout);
        // The log line may reach the test's pipe a moment after the file is renamed.
        Assert.True(await daemon.WaitForStdoutAsync(
            o => o.Contains("written again after failures"), TimeSpan.FromSeconds(10)),
            daemon.Stdout);
        Assert.Single(Lines(daemon.Stdout, "written again after failures"));
        Assert.Single(Lines(daemon.Stdout, "retrying"));
        Assert.Empty(Temps(hostsSeen));
        daemon.Signal("TERM");
        Assert.Equal(0, await daemon.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    static string[] Lines(string log, string containing) =>
        log.Split('\n').Where(l => l.Contains(containing)).ToArray();

    static string Read(string path) =>
        System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path));

    static string[] Temps(string hosts) =>
        Directory.GetFiles(Path.GetDirectoryName(hosts)!, ".hosts.redirector-*");

    /// <summary>Writes until the file system is full (bounded by count).</summary>
    static void Fill(string path)
    {
        var chunk = new byte[16 * 1024];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        for (var i = 0; i < 1024; i++)
        {
            try
            {
                stream.Write(chunk);
                stream.Flush();
            }
            catch (IOException)
            {
                return;
            }
        }
        throw new InvalidOperationException("the tmpfs did not fill up");
    }

    static void Chattr(string flag, string path)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path])
        {
            UseShellExecute = false,
        })!;
        if (!chattr.WaitForExit(TimeSpan.FromSeconds(10))) chattr.Kill();
        Assert.Equal(0, chattr.ExitCode);
    }
}
