using System.Diagnostics;

namespace Redirector.EndToEnd.Support;

/// <summary>A fact that needs root with the right to make mount namespaces (bind mounts inside
/// <c>unshare -m</c>, chown to any owner); skipped with the reason otherwise, e.g. as a plain
/// user or in a container without CAP_SYS_ADMIN.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    static readonly Lazy<string?> Missing = new(FindMissing);

    public RootFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    static string? FindMissing()
    {
        var uid = File.ReadLines("/proc/self/status")
            .FirstOrDefault(l => l.StartsWith("Uid:"))?
            .Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        if (uid != "0") return "needs root (bind mounts inside unshare -m, chown); run as root";
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("unshare", ["-m", "true"])
            {
                RedirectStandardError = true,
            })!;
            probe.StandardError.ReadToEnd();
            if (!probe.WaitForExit(10_000))
            {
                probe.Kill();
                probe.WaitForExit();
            }
            return probe.ExitCode == 0 ? null : "unshare -m is not permitted (no CAP_SYS_ADMIN)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "needs unshare(1) from util-linux";
        }
    }
}
