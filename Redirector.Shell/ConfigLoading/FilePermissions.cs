using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain;
using Redirector.Shell.Native;
using static LanguageExt.Prelude;

namespace Redirector.Shell.ConfigLoading;

/// <summary>Like sshd's StrictModes: the config decides what every program on the machine
/// resolves, so a config file or folder that someone other than root or the running user can
/// change is as good as a writable /etc/hosts. Warned about, or refused with
/// <c>strict_permissions: true</c>.</summary>
static class FilePermissions
{
    const UnixFileMode GroupOrOtherWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>The result with every permission problem of these paths added, as warnings or,
    /// when <paramref name="strict"/>, as errors that make the configuration unusable.</summary>
    public static LoadResult Guard(LoadResult result, bool strict, Seq<string> paths)
    {
        var problems = paths.Distinct().Bind(p => Problems(p, strict));
        if (problems.IsEmpty) return result;
        return strict
            ? result with { Config = Fail<ConfigError, Configuration>(Seqs.Join(result.Errors, problems)) }
            : result with { Warnings = Seqs.Join(result.Warnings, problems) };
    }

    /// <summary>What is wrong with one file or folder; nothing when it cannot be examined (the
    /// reader reports a missing or unreadable file itself).</summary>
    public static Seq<ConfigError> Problems(string path, bool strict)
    {
        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
        var (uid, _, error) = LibC.Owner(path);
        if (error != 0) return Empty;
        var self = LibC.EffectiveUid();
        var what = Directory.Exists(path) ? "folder" : "file";
        var consequence = strict
            ? "; refused (strict_permissions: true)"
            : "; anyone who can change it can redirect names";
        var found = Seq<ConfigError>();
        if ((mode & GroupOrOtherWrite) != 0)
            found = found.Add(Problem(path,
                $"{what} is writable by group or others (mode {Octal(mode)}){consequence}; " +
                "fix with chmod go-w"));
        if (uid != 0 && uid != self)
            found = found.Add(Problem(path,
                $"{what} is owned by uid {uid}, neither root nor the running user (uid {self})" +
                consequence));
        return found;
    }

    static ConfigError Problem(string path, string message) =>
        new(path, 0, 0, "", message);

    static string Octal(UnixFileMode mode) =>
        Convert.ToString((int)mode & 0xfff, 8).PadLeft(4, '0');
}
