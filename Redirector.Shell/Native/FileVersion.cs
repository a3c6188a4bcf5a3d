namespace Redirector.Shell.Native;

/// <summary>One version of a file as statx(2) reports it (see <see cref="LibC.Version"/>).
/// </summary>
readonly record struct FileVersion(
    uint DeviceMajor, uint DeviceMinor, ulong Inode, long Size,
    (long Seconds, uint Nanoseconds) Modified, (long Seconds, uint Nanoseconds) Changed);
