using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Lifecycle;

/// <summary>The daemon's open files limit: raised to the hard limit at start, and a limit too
/// low for the configuration (a probe and a watch per backend, and 64) warned about once.
/// The shell runs under <c>sh -c 'ulimit ...; exec ...'</c>, so only its own limits change.
/// </summary>
public sealed class OpenFilesLimitTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    static ChildProcess StartLimited(ConfigDir dir, string ulimit) =>
        new("sh", ["-c", $"ulimit {ulimit} && exec \"$@\"", "sh",
            .. ShellProcess.Command, "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path]);

    static (string Soft, string Hard) Limits(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/limits").Single(l => l.StartsWith("Max open files"));
        var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (fields[0], fields[1]);
    }

    [Fact]
    public async Task The_soft_limit_is_raised_to_the_hard_one()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir();
        dir.WriteTcpLb("web", server.Port, ["127.0.0.1"]);

        using var daemon = StartLimited(dir, "-Sn 200");
        Assert.True(await dir.WaitForEntryAsync("web.test", "127.0.0.1"), daemon.Stdout + daemon.Stderr);

        var (soft, hard) = Limits(daemon.Pid);
        Assert.Equal(hard, soft);
        Assert.DoesNotContain("open files limit", daemon.Stdout);
    }

    [Fact]
    public async Task A_hard_limit_too_low_for_the_backends_is_warned_about_once()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir();
        // 100 backends: 2 x 100 + 64 = 264 descriptors may be needed, above 256.
        var backends = Enumerable.Range(1, 100).Select(i => $"127.0.0.{i}").ToArray();
        dir.WriteTcpLb("web", server.Port, backends, period: 30);

        using var daemon = StartLimited(dir, "-n 256");
        Assert.True(await dir.WaitForEntryAsync("web.test", "127.0.0.1", seconds: 20),
            daemon.Stdout + daemon.Stderr);

        // The line was logged before the first write, but reaches this process through a pipe
        // and a reader of its own: the file can be seen first.
        Assert.True(await daemon.WaitForStdoutAsync(o => o.Contains("open files limit"),
            TimeSpan.FromSeconds(10)), daemon.Stdout + daemon.Stderr);
        var warnings = daemon.Stdout.Split('\n').Where(l => l.Contains("open files limit")).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("WARNING", warning);
        Assert.Contains("256", warning);
        Assert.Contains("264", warning);
    }
}
