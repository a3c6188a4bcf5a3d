using System.Diagnostics;

namespace Redirector.EndToEnd.Support;

/// <summary>The daemon in a private mount namespace (<c>unshare -m</c>, needs root), so a
/// test can give its hosts folder a tiny tmpfs or a read-only mount no other process sees.
/// The test reaches the daemon's view through <c>/proc/PID/root</c> and changes its mounts
/// with <c>nsenter</c>; both end with the process.</summary>
public static class Namespaced
{
    /// <summary>Runs the shell with a fresh tmpfs of <paramref name="size"/> over
    /// <paramref name="folder"/>, holding a copy of <paramref name="hostsFile"/> as hosts.
    /// </summary>
    public static ChildProcess StartOnTmpfs(
        string folder, string size, string hostsFile, params string[] args) =>
        new("unshare", ["-m", "--propagation", "private", "--", "sh", "-c",
            "mount -t tmpfs -o size=\"$1\" redirector-test \"$2\" && cp -p \"$3\" \"$2/hosts\" " +
            "&& shift 3 && exec \"$@\"", "sh", size, folder, hostsFile,
            .. ShellProcess.Command, .. args]);

    /// <summary>Runs the shell in its own mount namespace, otherwise unchanged.</summary>
    public static ChildProcess Start(params string[] args) =>
        new("unshare",
            ["-m", "--propagation", "private", "--", .. ShellProcess.Command, .. args]);

    /// <summary>A path as the namespaced process sees it.</summary>
    public static string Seen(ChildProcess process, string path) =>
        $"/proc/{process.Pid}/root{path}";

    /// <summary>Runs mount(8) inside the process's namespace; throws with its stderr on failure.
    /// </summary>
    public static void Mount(ChildProcess process, params string[] args)
    {
        using var nsenter = Process.Start(new ProcessStartInfo("nsenter",
            ["-t", $"{process.Pid}", "-m", "--", "mount", .. args])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = nsenter.StandardError.ReadToEnd();
        if (!nsenter.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            nsenter.Kill();
            throw new TimeoutException($"nsenter mount {string.Join(' ', args)} hung");
        }
        if (nsenter.ExitCode != 0)
            throw new InvalidOperationException($"mount {string.Join(' ', args)}: {error}");
    }
}
