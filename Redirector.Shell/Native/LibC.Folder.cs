using System.Runtime.InteropServices;

namespace Redirector.Shell.Native;

static partial class LibC
{
    const int StatxBirthTime = 0x800;
    const int WriteOk = 2;

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AccessNative(string path, int mode);

    /// <summary>Whether this process may create files in <paramref name="folder"/> (which
    /// exists).</summary>
    public static bool CanWriteIn(string folder) => AccessNative(folder, WriteOk) == 0;

    /// <summary>What tells one folder from another made later at the same path: device, inode
    /// and birth time (the inode number of a deleted folder is often reused at once for the
    /// next one made). Null when the folder cannot be looked at. Without a birth time from the
    /// file system, device and inode alone.</summary>
    public static (ulong Device, ulong Inode, long Born, uint BornNs)? FolderIdentity(
        string folder)
    {
        var (buffer, error) = Statx(folder, StatxBasicStats | StatxBirthTime);
        if (error != 0) return null;
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32)
                     | BitConverter.ToUInt32(buffer, 140);
        var inode = BitConverter.ToUInt64(buffer, 32);
        var hasBirth = (BitConverter.ToUInt32(buffer, 0) & StatxBirthTime) != 0;
        return hasBirth
            ? (device, inode, BitConverter.ToInt64(buffer, 80), BitConverter.ToUInt32(buffer, 88))
            : (device, inode, 0, 0);
    }
}
