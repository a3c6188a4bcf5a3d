using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Shell.ConfigLoading;

/// <summary>Reading config files from disk; every failure becomes a ConfigError naming the
/// path, never an exception.</summary>
static class ConfigFiles
{
    /// <summary>Far above any real config; guards against pointing -c at a disk image.</summary>
    const long MaxBytes = 4 * 1024 * 1024;

    public static Validation<ConfigError, string> ReadText(string path)
    {
        try
        {
            if (Directory.Exists(path)) return Problem(path, "is a directory, not a file");
            if (!File.Exists(path)) return Problem(path, "no such file");
            if (new FileInfo(path).Length > MaxBytes)
                return Problem(path, $"is larger than {MaxBytes} bytes; not a config file");
            return Success<ConfigError, string>(File.ReadAllText(path));
        }
        catch (UnauthorizedAccessException)
        {
            return Problem(path, "permission denied");
        }
        catch (IOException e)
        {
            return Problem(path, $"cannot read the file: {Errors.Describe(e)}");
        }
    }

    /// <summary>The LB files of a directory: only *.yml and *.yaml, in ordinal name order, so
    /// every machine loads (and reports) them in the same order.</summary>
    public static Validation<ConfigError, Seq<string>> LbFiles(
        string dir, string mainFile, SourcePosition dirAt)
    {
        var problem = (string message) => Fail<ConfigError, Seq<string>>(new ConfigError(
            mainFile, dirAt.Line, dirAt.Column, "lb_configs_dir", message));
        try
        {
            if (!Directory.Exists(dir))
                return problem(File.Exists(dir)
                    ? $"{dir} is a file, not a directory"
                    : $"directory {dir} does not exist");
            return Success<ConfigError, Seq<string>>(toSeq(Directory.GetFiles(dir)
                .Where(f => f.EndsWith(".yml", StringComparison.Ordinal)
                            || f.EndsWith(".yaml", StringComparison.Ordinal))
                .OrderBy(Path.GetFileName, StringComparer.Ordinal)));
        }
        catch (UnauthorizedAccessException)
        {
            return problem($"cannot list {dir}: permission denied");
        }
        catch (IOException e)
        {
            return problem($"cannot list {dir}: {Errors.Describe(e)}");
        }
    }

    static Validation<ConfigError, string> Problem(string path, string message) =>
        Fail<ConfigError, string>(new ConfigError(path, 0, 0, "", message));
}
