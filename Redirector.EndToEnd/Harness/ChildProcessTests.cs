using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Harness;

public class ChildProcessTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Output_is_captured_and_a_signal_stops_the_process_by_pid()
    {
        using var child = new ChildProcess("sh", ["-c",
            "trap 'echo got TERM; exit 7' TERM; echo started; echo oops >&2; " +
            "i=0; while [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done"]);
        Assert.True(await child.WaitForStdoutAsync(o => o.Contains("started"), Bound));

        child.Signal("TERM");
        var code = await child.WaitForExitAsync(Bound);

        Assert.Equal(7, code);
        Assert.True(await child.WaitForStdoutAsync(o => o.Contains("got TERM"), Bound));
        Assert.Equal("oops\n", child.Stderr);
    }

    [Fact]
    public async Task A_signal_that_reaches_no_process_is_an_error_not_silence()
    {
        using var child = new ChildProcess("true", []);
        Assert.Equal(0, await child.WaitForExitAsync(Bound));

        // Exited and reaped: a test that thinks it signalled a daemon must hear that it did not.
        var error = Assert.Throws<InvalidOperationException>(() => child.Signal("HUP"));
        Assert.Contains("HUP", error.Message);
    }

    [Fact]
    public async Task Dispose_kills_a_process_that_is_still_running()
    {
        var child = new ChildProcess("sleep", ["30"]);
        var pid = child.Pid;

        child.Dispose();

        Assert.True(await Wait.UntilAsync(() => !Directory.Exists($"/proc/{pid}") ||
            File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z", Bound));
    }

    [Fact]
    public async Task The_built_shell_runs_and_reports_its_version()
    {
        var (code, stdout, _) = await ShellProcess.RunAsync(Bound, "--version");

        Assert.Equal(0, code);
        Assert.StartsWith("0.1.0", stdout);
    }

    [Fact]
    public async Task A_file_wait_sees_a_change_made_while_waiting_and_gives_up_at_its_bound()
    {
        using var hosts = new TempHostsFile();
        var seen = ShellProcess.WaitForFileAsync(hosts.Path, t => t.Contains("10.1.1.1"), Bound);
        hosts.Write(TempHostsFile.Sample + "10.1.1.1 changed\n");
        var never = await ShellProcess.WaitForFileAsync(hosts.Path, t => t.Contains("never"),
            TimeSpan.FromMilliseconds(200));

        Assert.True(await seen);
        Assert.False(never);
    }

    [RootFact]
    public async Task A_command_can_run_with_a_file_bind_mounted_in_its_own_namespace()
    {
        using var hosts = new TempHostsFile();
        var source = hosts.Beside("mounted");
        File.WriteAllText(source, "from the bind mount\n");

        using var child = new ChildProcess("unshare",
            ShellProcess.BindMounted(source, hosts.Path, ["cat", hosts.Path]));
        var code = await child.WaitForExitAsync(Bound);

        Assert.Equal(0, code);
        Assert.True(await child.WaitForStdoutAsync(o => o == "from the bind mount\n", Bound));
        Assert.Equal(TempHostsFile.Sample, hosts.Read());
    }
}
