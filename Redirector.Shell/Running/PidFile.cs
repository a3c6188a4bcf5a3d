using System.Globalization;

namespace Redirector.Shell.Running;

/// <summary>The <c>pid_file</c> of the main config: written at start (via a temp file and a
/// rename, so a reader never sees it empty), removed at a clean stop only if it still holds
/// our pid (a second instance may have taken it over).</summary>
public static class PidFile
{
    /// <summary>Null on success, else a one-line reason.</summary>
    public static string? Write(string path, int pid)
    {
        var temp = $"{path}.{pid}.tmp";
        try
        {
            File.WriteAllText(temp, pid.ToString(CultureInfo.InvariantCulture) + "\n");
            File.Move(temp, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp)) File.Delete(temp);
            return $"cannot write pid file {path}: {Errors.Describe(e)}";
        }
    }

    /// <summary>True when the file held <paramref name="pid"/> and was removed.</summary>
    public static bool Remove(string path, int pid)
    {
        try
        {
            if (File.ReadAllText(path).Trim() != pid.ToString(CultureInfo.InvariantCulture))
                return false;
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
