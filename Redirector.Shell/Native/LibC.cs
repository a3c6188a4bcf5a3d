using System.Runtime.InteropServices;

namespace Redirector.Shell.Native;

/// <summary>The few POSIX calls .NET does not expose: rename(2) with its errno (File.Move
/// silently copies on EXDEV, which would hide a bind-mounted target), chown, fsync of a
/// folder, flock of a folder, and statx for the owner of a file (its layout is the same on
/// every architecture).</summary>
static partial class LibC
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int EXDEV = 18;
    public const int ENOSPC = 28;
    public const int EROFS = 30;
    public const int EOPNOTSUPP = 95;
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

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenCreateNative(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "fallocate", SetLastError = true)]
    private static partial int FallocateNative(int fd, int mode, long offset, long length);

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

    const int OWrOnly = 1;
    const int OCreat = 0x40;
    const int OExcl = 0x80;
    const int OCloExec = 0x80000;
    const int FallocKeepSize = 1;

    /// <summary>A new file that did not exist (O_CREAT|O_EXCL), or the errno: the caller needs
    /// to tell "no space" from "not allowed here" from "name taken".</summary>
    public static (Microsoft.Win32.SafeHandles.SafeFileHandle? File, int Error) CreateExclusive(
        string path, UnixFileMode mode)
    {
        var fd = OpenCreateNative(path, OWrOnly | OCreat | OExcl | OCloExec, (uint)mode);
        return fd < 0
            ? (null, Marshal.GetLastPInvokeError())
            : (new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), 0);
    }

    /// <summary>Reserves the blocks for the first <paramref name="length"/> bytes without
    /// changing the size, so a later write there cannot fail for lack of space. 0, else the
    /// errno (EOPNOTSUPP where the file system cannot reserve).</summary>
    public static int Reserve(Microsoft.Win32.SafeHandles.SafeFileHandle file, long length)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            return FallocateNative((int)file.DangerousGetHandle(), FallocKeepSize, 0, length) == 0
                ? 0
                : Marshal.GetLastPInvokeError();
        }
        finally
        {
            if (added) file.DangerousRelease();
        }
    }

    /// <summary>What identifies one version of a file's contents: device, inode, size, and the
    /// modification and change times to the nanosecond (a rename changes the inode, any write
    /// the change time). Error is the errno (ENOENT for a missing file).</summary>
    public static (FileVersion Version, int Error) Version(string path)
    {
        var (buffer, error) = Statx(path);
        if (error != 0) return (default, error);
        static (long, uint) Time(byte[] b, int at) =>
            (BitConverter.ToInt64(b, at), BitConverter.ToUInt32(b, at + 8));
        return (new FileVersion(BitConverter.ToUInt32(buffer, 136),
            BitConverter.ToUInt32(buffer, 140), BitConverter.ToUInt64(buffer, 32),
            BitConverter.ToInt64(buffer, 40), Time(buffer, 112), Time(buffer, 96)), 0);
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

    /// <summary>statx(2) of what <paramref name="path"/> leads to (links followed): the raw
    /// struct, read at the fixed offsets of its layout, or the errno.</summary>
    static (byte[] Buffer, int Error) Statx(string path, int mask = StatxBasicStats)
    {
        var buffer = new byte[256];
        return StatxNative(AtFdCwd, path, 0, mask, buffer) == 0
            ? (buffer, 0)
            : (buffer, Marshal.GetLastPInvokeError());
    }

    /// <summary>The owner of a file, or the errno.</summary>
    public static (uint Uid, uint Gid, int Error) Owner(string path)
    {
        var (buffer, error) = Statx(path);
        if (error != 0) return (0, 0, error);
        return (BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24), 0);
    }

    /// <summary>st_dev (as glibc's makedev combines it) and st_ino of what path leads to.</summary>
    public static (ulong Device, ulong Inode, int Error) Identity(string path)
    {
        var (buffer, error) = Statx(path);
        if (error != 0) return (0, 0, error);
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
        EPERM => "EPERM", ENOENT => "ENOENT", 5 => "EIO", EACCES => "EACCES",
        EBUSY => "EBUSY", EEXIST => "EEXIST", EXDEV => "EXDEV", ENOSPC => "ENOSPC",
        EROFS => "EROFS", 122 => "EDQUOT", EOPNOTSUPP => "EOPNOTSUPP", _ => $"errno {errno}",
    };
}
