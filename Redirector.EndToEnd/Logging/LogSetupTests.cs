using LanguageExt;
using Redirector.Domain.Config;
using Redirector.EndToEnd.Support;
using Redirector.Shell.Observing;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace Redirector.EndToEnd.Logging;

public sealed class LogSetupTests : IDisposable
{
    readonly TempHostsFile folder = new();

    public void Dispose() => folder.Dispose();

    MainConfig Main(LogLevelName level = LogLevelName.Info, string? file = null) =>
        Some.MainFor(folder.Path) with
        {
            LogLevel = level,
            LogFilePath = file is null ? Option<string>.None : Prelude.Some(file),
        };

    [Theory]
    [InlineData(LogLevelName.Critical, LogEventLevel.Fatal)]
    [InlineData(LogLevelName.Error, LogEventLevel.Error)]
    [InlineData(LogLevelName.Warning, LogEventLevel.Warning)]
    [InlineData(LogLevelName.Info, LogEventLevel.Information)]
    [InlineData(LogLevelName.Debug, LogEventLevel.Debug)]
    [InlineData(LogLevelName.NotSet, LogEventLevel.Verbose)]
    public void Python_levels_map_to_serilog_levels(LogLevelName python, LogEventLevel serilog)
    {
        Assert.Equal(serilog, PythonLevels.ToSerilog(python));
        Assert.Equal(python.ToString().ToUpperInvariant(), PythonLevels.Name(serilog));
    }

    [Fact]
    public void The_file_gets_lines_in_the_configured_format_from_the_configured_level_up()
    {
        var path = folder.Beside("redirector.log");
        using (var log = LogSetup.Create(Main(LogLevelName.Warning, path) with
               {
                   LogFormat = "%(levelname)s|%(name)s|%(message)s",
               }, underJournal: true))
        {
            log.Information("not shown");
            log.Warning("redirect {Lb} from {From} to {To}", "minio", "10.0.0.1", "10.0.0.2");
            log.Fatal("stopping");
        }

        Assert.Equal(
            "WARNING|redirector|redirect minio from 10.0.0.1 to 10.0.0.2\n" +
            "CRITICAL|redirector|stopping\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void The_file_rolls_over_at_max_bytes_and_keeps_max_backups_old_files()
    {
        var path = folder.Beside("roll.log");
        using (var log = LogSetup.Create(Main(file: path) with
               {
                   LogFileMaxBytes = 300, LogFileMaxBackups = 2,
               }, underJournal: false))
        {
            for (var i = 0; i < 60; i++) log.Information("line {Number} of the rollover test", i);
        }

        var files = Directory.GetFiles(folder.Folder, "roll*.log");
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 300 + 200));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("line 59 of"));
    }

    [Fact]
    public void Under_journald_console_lines_carry_the_syslog_priority_and_no_timestamp()
    {
        var template = LogSetup.ConsoleTemplate(Main(), underJournal: true);

        Assert.Equal("<6>INFO :: probe ok\n", Render(template, LogEventLevel.Information));
        Assert.Equal("<4>WARNING :: probe ok\n", Render(template, LogEventLevel.Warning));
        Assert.Equal("<3>ERROR :: probe ok\n", Render(template, LogEventLevel.Error));
        Assert.Equal("<7>DEBUG :: probe ok\n", Render(template, LogEventLevel.Debug));
    }

    [Fact]
    public void On_a_terminal_console_lines_keep_the_original_format_with_its_timestamp()
    {
        var template = LogSetup.ConsoleTemplate(Main(), underJournal: false);

        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} :: INFO :: probe ok\n$",
            Render(template, LogEventLevel.Information));
    }

    static string Render(string template, LogEventLevel level)
    {
        var logEvent = new LogEvent(DateTimeOffset.Now, level, null,
            new MessageTemplateParser().Parse("probe ok"), []);
        new PythonNamesEnricher(LogSetup.LoggerName).Enrich(logEvent, new PropertyFactory());
        using var text = new StringWriter { NewLine = "\n" };
        new MessageTemplateTextFormatter(template).Format(logEvent, text);
        return text.ToString().Replace(Environment.NewLine, "\n");
    }

    sealed class PropertyFactory : Serilog.Core.ILogEventPropertyFactory
    {
        public LogEventProperty CreateProperty(
            string name, object? value, bool destructure = false) =>
            new(name, new ScalarValue(value));
    }
}
