using Serilog.Core;
using Serilog.Events;

namespace Redirector.Shell.Observing;

/// <summary>Adds the properties the translated <c>log_format</c> tokens refer to.</summary>
sealed class PythonNamesEnricher(string loggerName) : ILogEventEnricher
{
    public const string LevelName = "levelname";
    public const string LevelNumber = "levelno";
    public const string SyslogPriority = "syslogpriority";
    public const string Name = "name";
    public const string Process = "process";

    static readonly int Pid = Environment.ProcessId;

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        var level = logEvent.Level;
        logEvent.AddPropertyIfAbsent(factory.CreateProperty(LevelName, PythonLevels.Name(level)));
        logEvent.AddPropertyIfAbsent(
            factory.CreateProperty(LevelNumber, PythonLevels.Number(level)));
        logEvent.AddPropertyIfAbsent(
            factory.CreateProperty(SyslogPriority, PythonLevels.Syslog(level)));
        logEvent.AddPropertyIfAbsent(factory.CreateProperty(Name, loggerName));
        logEvent.AddPropertyIfAbsent(factory.CreateProperty(Process, Pid));
    }
}
