using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain;
using Redirector.Shell.HostsFiles;
using Redirector.Shell.Native;
using Redirector.Shell.Observing;
using Redirector.Shell.Running;
using static LanguageExt.Prelude;

namespace Redirector.Shell.ConfigLoading;

/// <summary>What the config names on disk, looked at without writing anything, at the
/// position of the key that names it: the folders of pid_file and log_file_path must exist
/// (the daemon makes no folder but the status folder), the status folder must exist or be
/// one this user can make, hosts_file must be a regular file (or a link to one) or be missing
/// in a folder that exists, and every cacerts must be a readable PEM bundle. Used by --check
/// and at the daemon's start, so that both refuse the same configs.</summary>
static class PathChecks
{
    const string HostsFlag = "--hosts-file";

    /// <summary><paramref name="loaded"/> with the problems found added: errors make the
    /// configuration invalid, warnings do not.</summary>
    public static LoadResult Add(LoadResult loaded, string mainPath, string? hostsOverride)
    {
        var found = new Found(new List<ConfigError>(), new List<ConfigError>());
        foreach (var main in loaded.Main) CheckMain(found, mainPath, main, hostsOverride);
        foreach (var lb in loaded.Lbs) CheckCaCerts(found, lb);
        return Add(loaded, toSeq(found.Errors), toSeq(found.Warnings));
    }

    public static LoadResult Add(LoadResult loaded, Seq<ConfigError> errors,
        Seq<ConfigError> warnings) =>
        loaded with
        {
            Config = errors.IsEmpty
                ? loaded.Config
                : Fail<ConfigError, Configuration>(Seqs.Join(loaded.Errors, errors)),
            Warnings = Seqs.Join(loaded.Warnings, warnings),
        };

    sealed record Found(List<ConfigError> Errors, List<ConfigError> Warnings);

    static void CheckMain(Found found, string mainPath, PositionedMain p, string? hostsOverride)
    {
        ConfigError At(string key, string message)
        {
            var at = p.At(key);
            return new ConfigError(mainPath, at.Line, at.Column, key, message);
        }
        foreach (var path in p.Main.LogFilePath)
            if (FileFolderProblem(path) is { } problem)
                found.Errors.Add(At("log_file_path", problem));
        foreach (var path in p.Main.PidFile)
            if (FileFolderProblem(path) is { } problem)
                found.Errors.Add(At("pid_file", problem));
        var (statusError, statusWarning) = StatusFolder(p.Main.StatusFile);
        if (statusError is not null) found.Errors.Add(At("status_file", statusError));
        // The default folder is made by the package's unit (RuntimeDirectory=) or by a root
        // daemon; a daemon tried by hand says itself that `status` will not see it.
        if (statusWarning is not null && p.Main.StatusFile != MainConfig.DefaultStatusFile)
            found.Warnings.Add(At("status_file", statusWarning));
        if (HostsFileProblem(hostsOverride ?? p.Main.HostsFile) is { } hosts)
            found.Errors.Add(hostsOverride is null
                ? At("hosts_file", hosts)
                : new ConfigError(HostsFlag, 0, 0, "", hosts));
    }

    /// <summary>The folder of a file the daemon writes must exist; it is not made.</summary>
    static string? FileFolderProblem(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return $"{full} is a folder; a file path is needed";
        var folder = Path.GetDirectoryName(full) ?? "/";
        if (Directory.Exists(folder)) return null;
        return File.Exists(folder)
            ? $"{folder} is a file, not a folder"
            : $"folder {folder} does not exist (the daemon does not create it)";
    }

    /// <summary>The daemon makes a missing status folder, and without it goes on (unseen by
    /// `status`): a folder this user cannot make is only a warning, since the daemon may run
    /// as another user (root) than this check.</summary>
    static (string? Error, string? Warning) StatusFolder(string configured)
    {
        var full = Path.GetFullPath(StatusLocation.ForThisProcess(configured));
        if (Directory.Exists(full)) return ($"{full} is a folder; a file path is needed", null);
        var folder = Path.GetDirectoryName(full) ?? "/";
        if (Directory.Exists(folder)) return (null, null);
        var existing = folder;
        while (!Directory.Exists(existing) && !File.Exists(existing))
            existing = Path.GetDirectoryName(existing) ?? "/";
        if (File.Exists(existing))
            return ($"{existing} is a file, so the status folder {folder} cannot be made", null);
        return LibC.CanWriteIn(existing)
            ? (null, null)
            : (null, $"the status folder {folder} does not exist and this user cannot make it " +
                     "in " + existing + "; a daemon run by root makes it, any other cannot and " +
                     "`redirector-shell status` will not see it");
    }

    /// <summary>A regular file (or a link to one), or missing in a folder that exists: the
    /// first write creates it.</summary>
    static string? HostsFileProblem(string path)
    {
        var (regular, error) = LibC.IsRegularFile(path);
        if (regular == true) return null;
        if (regular == false)
            return Directory.Exists(path)
                ? $"{path} is a folder, not a hosts file"
                : $"{path} is not a regular file (a device, pipe or socket)";
        if (error != LibC.ENOENT) return $"cannot look at {path}: {LibC.Describe(error)}";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        return Directory.Exists(folder)
            ? null
            : $"{path} does not exist, nor does its folder {folder}";
    }

    static void CheckCaCerts(Found found, PositionedLb p)
    {
        if (p.Lb.HealthCheck is not HealthCheck.Http http) return;
        foreach (var path in http.CaCerts)
            if (BundleProblem(path) is { } problem)
                found.Errors.Add(new ConfigError(p.Lb.SourceFile, p.CaCertsAt.Line,
                    p.CaCertsAt.Column, "healthcheck.config.cacerts", problem));
    }

    /// <summary>What the probe would find when it first needs the bundle.</summary>
    static string? BundleProblem(string path)
    {
        var (regular, error) = LibC.IsRegularFile(path);
        if (regular is null)
            return error == LibC.ENOENT
                ? $"{path} does not exist"
                : $"cannot look at {path}: {LibC.Describe(error)}";
        if (regular == false) return $"{path} is not a file";
        try
        {
            var certs = new X509Certificate2Collection();
            certs.ImportFromPemFile(path);
            return certs.Count == 0 ? $"{path} holds no PEM certificate" : null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"{path} cannot be read: permission denied";
        }
        catch (CryptographicException)
        {
            return $"{path} is not a bundle of PEM certificates";
        }
        catch (IOException)
        {
            return $"{path} cannot be read";
        }
    }
}
