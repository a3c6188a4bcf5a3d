using System.Diagnostics;
using Redirector.EndToEnd.Support;
using Redirector.Shell.HostsFiles;

namespace Redirector.EndToEnd.Hardening;

/// <summary>Issue 7, item 1: a writer killed between creating its temp file and renaming it
/// leaves the temp file; the next writer removes it, but never one of a live process.</summary>
[Trait("Category", "Hardening")]
public sealed class StaleTempFileTests : IDisposable
{
    readonly TempHostsFile hosts = new();

    public void Dispose() => hosts.Dispose();

    static int DeadPid()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit(TimeSpan.FromSeconds(10));
        return gone.Id;
    }

    string Temp(int pid) =>
        hosts.Beside(StaleTempFiles.Name(hosts.Path, pid, 1));

    [Fact]
    public void Only_temp_files_of_dead_writers_are_removed()
    {
        var dead = Temp(DeadPid());
        var mine = Temp(Environment.ProcessId);
        var init = Temp(1);
        var unrelated = hosts.Beside(".hosts.redirector-notapid.tmp");
        foreach (var path in new[] { dead, mine, init, unrelated }) File.WriteAllText(path, "x");

        Assert.Equal(1, StaleTempFiles.Sweep(hosts.Path));

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(mine) && File.Exists(init) && File.Exists(unrelated));
        Assert.Equal(TempHostsFile.Sample, hosts.Read());
    }
}
