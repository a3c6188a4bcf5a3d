using System.Runtime.InteropServices;

namespace Redirector.Shell.Native;

/// <summary>The few POSIX calls .NET does not expose: rename(2) with its errno (File.Move
/// silently copies on EXDEV, which would hide a bind-mounted target), chown, fsync of a
/// folder, flock of a folder, and statx for the owner of a file (its layout is the same on
/// every architecture).</summary>
static partial class LibC
{
    public const int EBUSY = 16;
    public const int EXDEV = 18;
    const int AtFdCwd = -100;
    const int StatxBasicStats = 0x7ff;
    const int ORdOnly = 0;
    const int ODirectory = 0x10000;

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameNative(string from, string to);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChownNative(string path, uint uid, uint gid);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncNative(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(
        int dirFd, string path, int flags, int mask, byte[] buffer);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FlockNative(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuidNative();

    const int LockExclusive = 2;
    const int LockNonBlocking = 4;
    const int EWouldBlock = 11;

    /// <summary>An open folder holding flock(LOCK_EX), or -1 when another process holds it
    /// (or the folder cannot be opened: then there is nothing to coordinate with). Release
    /// with <see cref="Unlock"/>.</summary>
    public static (int Fd, bool Busy) TryLockFolder(string folder)
    {
        var fd = OpenNative(folder, ORdOnly | ODirectory);
        if (fd < 0) return (-1, false);
        if (FlockNative(fd, LockExclusive | LockNonBlocking) == 0) return (fd, false);
        var busy = Marshal.GetLastPInvokeError() == EWouldBlock;
        CloseNative(fd);
        return (-1, busy);
    }

    /// <summary>Closing the descriptor releases its lock.</summary>
    public static void Unlock(int fd)
    {
        if (fd >= 0) CloseNative(fd);
    }

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUid() => GetEuidNative();

    /// <summary>0 on success, else the errno.</summary>
    public static int Rename(string from, string to) =>
        RenameNative(from, to) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>0 on success, else the errno.</summary>
    public static int Chown(string path, uint uid, uint gid) =>
        ChownNative(path, uid, gid) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Makes a rename in <paramref name="folder"/> durable. 0, else the errno.</summary>
    public static int FsyncFolder(string folder)
    {
        var fd = OpenNative(folder, ORdOnly | ODirectory);
        if (fd < 0) return Marshal.GetLastPInvokeError();
        var error = FsyncNative(fd) == 0 ? 0 : Marshal.GetLastPInvokeError();
        CloseNative(fd);
        return error;
    }

    /// <summary>The owner of a file, or the errno.</summary>
    public static (uint Uid, uint Gid, int Error) Owner(string path)
    {
        var buffer = new byte[256];
        if (StatxNative(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            return (0, 0, Marshal.GetLastPInvokeError());
        return (BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24), 0);
    }

    /// <summary>st_dev (as glibc's makedev combines it) and st_ino of what path leads to.</summary>
    public static (ulong Device, ulong Inode, int Error) Identity(string path)
    {
        var buffer = new byte[256];
        if (StatxNative(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            return (0, 0, Marshal.GetLastPInvokeError());
        ulong major = BitConverter.ToUInt32(buffer, 136);
        ulong minor = BitConverter.ToUInt32(buffer, 140);
        var device = ((major & 0xfffff000) << 32) | ((major & 0xfff) << 8)
                     | ((minor & 0xffffff00) << 12) | (minor & 0xff);
        return (device, BitConverter.ToUInt64(buffer, 32), 0);
    }

    /// <summary>"EBUSY (Device or resource busy)" for a log line.</summary>
    public static string Describe(int errno) =>
        $"{Name(errno)} ({Marshal.GetPInvokeErrorMessage(errno)})";

    static string Name(int errno) => errno switch
    {
        1 => "EPERM", 2 => "ENOENT", 5 => "EIO", 13 => "EACCES", EBUSY => "EBUSY",
        EXDEV => "EXDEV", 28 => "ENOSPC", 30 => "EROFS", _ => $"errno {errno}",
    };
}
