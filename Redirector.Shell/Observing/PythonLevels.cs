using Redirector.Domain.Config;
using Serilog.Events;

namespace Redirector.Shell.Observing;

/// <summary>The original's Python level names, both ways, and the syslog priority journald
/// reads from a <c>&lt;N&gt;</c> line prefix.</summary>
public static class PythonLevels
{
    public static LogEventLevel ToSerilog(LogLevelName level) => level switch
    {
        LogLevelName.Critical => LogEventLevel.Fatal,
        LogLevelName.Error => LogEventLevel.Error,
        LogLevelName.Warning => LogEventLevel.Warning,
        LogLevelName.Info => LogEventLevel.Information,
        LogLevelName.Debug => LogEventLevel.Debug,
        _ => LogEventLevel.Verbose,
    };

    public static string Name(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "CRITICAL",
        LogEventLevel.Error => "ERROR",
        LogEventLevel.Warning => "WARNING",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Debug => "DEBUG",
        _ => "NOTSET",
    };

    /// <summary>Python's levelno: 50 CRITICAL ... 10 DEBUG, 0 NOTSET.</summary>
    public static int Number(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 50,
        LogEventLevel.Error => 40,
        LogEventLevel.Warning => 30,
        LogEventLevel.Information => 20,
        LogEventLevel.Debug => 10,
        _ => 0,
    };

    /// <summary>sd-daemon(3) priorities: crit, err, warning, info, debug.</summary>
    public static int Syslog(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };
}
