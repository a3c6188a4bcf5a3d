using System.Text;
using Redirector.Domain.Hosts;
using Redirector.Shell.Native;

namespace Redirector.Shell.HostsFiles;

/// <summary>Writes over the file itself, for where it cannot be replaced by rename (a
/// bind-mounted file, a read-only folder). Space is reserved first, so a full disk fails
/// before any byte changes; only bytes from the first difference on are written, padded
/// with spaces rather than leaving a stale tail before the truncate (see
/// <see cref="InPlaceEdit"/>); a failure after bytes changed writes the old bytes back.</summary>
static class InPlaceWrite
{
    public static WriteOutcome Run(string target, byte[] bytes, string why)
    {
        FileStream stream;
        byte[] old;
        try
        {
            stream = new FileStream(target, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite,
                bufferSize: 0);
            old = ReadAll(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WriteOutcome.Failed($"cannot open {target} to write it in place " +
                                           $"({why}): {Errors.Describe(e)}");
        }
        using (stream)
        {
            var current = Encoding.Latin1.GetString(old);
            var edit = InPlaceEdit.Between(current, Encoding.Latin1.GetString(bytes));
            if (edit.Grows(current))
            {
                var reserved = LibC.Reserve(stream.SafeFileHandle, edit.Offset + edit.Bytes.Length);
                if (reserved != 0 && reserved != LibC.EOPNOTSUPP)
                    return new WriteOutcome.Failed($"cannot write {target} in place ({why}): " +
                                                   $"{LibC.Describe(reserved)}; nothing changed");
            }
            try
            {
                stream.Position = edit.Offset;
                stream.Write(Encoding.Latin1.GetBytes(edit.Bytes));
                stream.Flush(flushToDisk: true);
                stream.SetLength(edit.Length);
                stream.Flush(flushToDisk: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Restore(stream, target, old, edit.Offset, Errors.Describe(e));
            }
        }
        var back = File.ReadAllBytes(target);
        return back.AsSpan().SequenceEqual(bytes)
            ? new WriteOutcome.InPlace(why)
            : new WriteOutcome.Failed($"in-place write of {target} did not read back " +
                                      "(another program wrote at the same time?)");
    }

    static WriteOutcome Restore(FileStream stream, string target, byte[] old, int from, string error)
    {
        try
        {
            stream.Position = from;
            stream.Write(old.AsSpan(from));
            stream.SetLength(old.Length);
            stream.Flush(flushToDisk: true);
            return new WriteOutcome.Restored($"in-place write of {target} failed ({error}); " +
                                             "its old bytes were written back");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WriteOutcome.Damaged($"in-place write of {target} failed ({error}) and " +
                                            $"its old bytes could not be written back " +
                                            $"({Errors.Describe(e)}): check the file");
        }
    }

    static byte[] ReadAll(FileStream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
