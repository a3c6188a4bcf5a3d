using System.Globalization;
using Redirector.Shell.Native;

namespace Redirector.Shell.Observing;

/// <summary>Whether stdout is connected to journald. systemd sets JOURNAL_STREAM to the
/// "device:inode" of the stream it gave the service; a child whose stdout was redirected
/// (a pipe, a terminal) inherits the variable, so it is compared with stdout itself, as
/// systemd.exec(5) recommends.</summary>
public static class JournalStream
{
    public static bool StdoutIsJournal() =>
        Matches(Environment.GetEnvironmentVariable("JOURNAL_STREAM"), "/proc/self/fd/1");

    public static bool Matches(string? journalStream, string stream)
    {
        var parts = journalStream?.Split(':');
        if (parts is not [var device, var inode]
            || !ulong.TryParse(device, NumberStyles.None, CultureInfo.InvariantCulture, out var dev)
            || !ulong.TryParse(inode, NumberStyles.None, CultureInfo.InvariantCulture, out var ino))
            return false;
        var actual = LibC.Identity(stream);
        return actual.Error == 0 && actual.Device == dev && actual.Inode == ino;
    }
}
