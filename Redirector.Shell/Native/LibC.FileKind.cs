namespace Redirector.Shell.Native;

static partial class LibC
{
    const int FormatMask = 0xF000; // S_IFMT
    const int RegularFile = 0x8000; // S_IFREG

    /// <summary>Whether <paramref name="path"/>, its symlinks followed, is a regular file (not
    /// a folder, device, pipe or socket). Null with the errno when it cannot be looked at
    /// (ENOENT for a missing file or a dangling link).</summary>
    public static (bool? Regular, int Error) IsRegularFile(string path)
    {
        var (buffer, error) = Statx(path);
        if (error != 0) return (null, error);
        // stx_mode: a u16 at offset 28 of struct statx on every architecture.
        return ((BitConverter.ToUInt16(buffer, 28) & FormatMask) == RegularFile, 0);
    }
}
