using System.Runtime.InteropServices;

namespace Redirector.EndToEnd.Support;

/// <summary>Runs an action on a dedicated thread that has its own private mount namespace, in
/// which files or folders are bind-mounted (a file over another, as Docker mounts /etc/hosts).
/// Only that thread sees the mounts, and they vanish with the thread: the host's mount table
/// is never touched.
/// (Going through /proc/PID/root of a process in such a namespace does not work: the kernel
/// only refuses a rename onto a mount point of the caller's own namespace.) Needs root.</summary>
public static class PrivateMount
{
    const int CloneNewNs = 0x00020000;
    const ulong MsBind = 4096;
    const ulong MsRec = 16384;
    const ulong MsPrivate = 1 << 18;
    const ulong MsRdOnly = 1;
    const ulong MsRemount = 32;

    /// <summary>One bind mount, made in list order; ReadOnly remounts it read-only.</summary>
    public sealed record Bind(string Source, string Target, bool ReadOnly = false);

    /// <summary>A fresh tmpfs over Target (e.g. "size=8k"), made before the binds.</summary>
    public sealed record Tmpfs(string Target, string Options);

    [DllImport("libc", SetLastError = true)]
    static extern int unshare(int flags);

    [DllImport("libc", SetLastError = true)]
    static extern int mount(string? source, string target, string? type, ulong flags, IntPtr data);

    [DllImport("libc", SetLastError = true, EntryPoint = "mount")]
    static extern int mountWithOptions(
        string source, string target, string type, ulong flags, string options);

    public static T Run<T>(string source, string target, Func<T> action) =>
        Run([new Bind(source, target)], action);

    public static T Run<T>(IReadOnlyList<Bind> binds, Func<T> action) => Run([], binds, action);

    public static T Run<T>(IReadOnlyList<Tmpfs> tmpfs, IReadOnlyList<Bind> binds, Func<T> action)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Check(unshare(CloneNewNs), "unshare(CLONE_NEWNS)");
                Check(mount(null, "/", null, MsRec | MsPrivate, IntPtr.Zero),
                    "mount --make-rprivate /");
                foreach (var (target, options) in tmpfs)
                    Check(mountWithOptions("redirector-test", target, "tmpfs", 0, options),
                        $"mount -t tmpfs -o {options} {target}");
                foreach (var (source, target, readOnly) in binds)
                {
                    Check(mount(source, target, null, MsBind, IntPtr.Zero),
                        $"mount --bind {source} {target}");
                    if (readOnly)
                        Check(mount(null, target, null, MsRemount | MsBind | MsRdOnly, IntPtr.Zero),
                            $"mount -o remount,bind,ro {target}");
                }
                result = action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("the private mount thread did not finish in 30 s");
        return failure is null
            ? result!
            : throw new InvalidOperationException(failure.Message, failure);
    }

    static void Check(int rc, string what)
    {
        if (rc != 0)
            throw new InvalidOperationException(
                $"{what} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }
}
