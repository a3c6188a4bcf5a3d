using System.Runtime.InteropServices;

namespace Redirector.Shell.Native;

static partial class LibC
{
    const int RlimitNoFile = 7;

    /// <summary>struct rlimit: rlim_t is 64 bits on the 64-bit targets this is built for.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    struct ResourceLimit
    {
        public ulong Soft;
        public ulong Hard;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRlimitNative(int resource, out ResourceLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRlimitNative(int resource, in ResourceLimit limit);

    /// <summary>Raises the soft limit of open files to the hard one. Returns the limits in
    /// force afterwards, and the errno of a raise that failed (0 when it worked or was not
    /// needed); Soft is 0 when not even the limits could be read.</summary>
    public static (ulong Soft, ulong Hard, int Error) RaiseOpenFilesLimit()
    {
        if (GetRlimitNative(RlimitNoFile, out var limit) != 0)
            return (0, 0, Marshal.GetLastPInvokeError());
        if (limit.Soft >= limit.Hard) return (limit.Soft, limit.Hard, 0);
        var raised = limit with { Soft = limit.Hard };
        return SetRlimitNative(RlimitNoFile, raised) == 0
            ? (raised.Soft, raised.Hard, 0)
            : (limit.Soft, limit.Hard, Marshal.GetLastPInvokeError());
    }
}
