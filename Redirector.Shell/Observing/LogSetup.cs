using Redirector.Domain.Config;
using Serilog;
using Serilog.Core;
using Serilog.Sinks.SystemConsole.Themes;

namespace Redirector.Shell.Observing;

/// <summary>Builds the daemon's logger from the main config: the rotating file when
/// <c>log_file_path</c> is set (as the original, only there), else stdout; under journald
/// (stdout is JOURNAL_STREAM) each line starts with its <c>&lt;N&gt;</c> priority and has no
/// timestamp. Serilog's file sink makes missing folders of the path; the daemon makes none but
/// the status folder, so a log folder that does not exist is refused before this runs
/// (<see cref="PathChecks"/>, at start as in --check).</summary>
public static class LogSetup
{
    public const string LoggerName = "redirector";

    public static Logger Create(MainConfig main) => Create(main, JournalStream.StdoutIsJournal());

    public static Logger Create(MainConfig main, bool underJournal)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(PythonLevels.ToSerilog(main.LogLevel))
            .Enrich.With(new PythonNamesEnricher(LoggerName));
        return main.LogFilePath.Match(
            Some: path => configuration.WriteTo.File(path,
                outputTemplate: FileTemplate(main),
                fileSizeLimitBytes: main.LogFileMaxBytes > 0 ? main.LogFileMaxBytes : null,
                rollOnFileSizeLimit: main.LogFileMaxBytes > 0,
                // Python keeps the current file plus log_file_max_backups old ones.
                retainedFileCountLimit: Math.Max(1, main.LogFileMaxBackups + 1)),
            None: () => configuration.WriteTo.Console(
                outputTemplate: ConsoleTemplate(main, underJournal),
                theme: underJournal ? ConsoleTheme.None : null))
            .CreateLogger();
    }

    internal static string FileTemplate(MainConfig main) =>
        PythonLogFormat.ToTemplate(main.LogFormat) + "{NewLine}{Exception}";

    internal static string ConsoleTemplate(MainConfig main, bool underJournal) =>
        underJournal
            ? "<{" + PythonNamesEnricher.SyslogPriority + "}>" +
              PythonLogFormat.ToTemplate(PythonLogFormat.WithoutTime(main.LogFormat)) +
              "{NewLine}{Exception}"
            : FileTemplate(main);
}
