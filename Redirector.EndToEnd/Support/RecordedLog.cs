using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Redirector.EndToEnd.Support;

/// <summary>A logger for in-process tests that keeps every line it is given, its message
/// rendered as the daemon's lines render it (<c>{Message:lj}</c>: strings unquoted).</summary>
public sealed class RecordedLog : ILogEventSink
{
    static readonly MessageTemplateTextFormatter Message = new("{Message:lj}");
    readonly List<(LogEventLevel Level, string Text)> lines = [];

    public RecordedLog() => Logger = new LoggerConfiguration().MinimumLevel.Verbose()
        .WriteTo.Sink(this).CreateLogger();

    public ILogger Logger { get; }

    public IReadOnlyList<(LogEventLevel Level, string Text)> Lines
    {
        get { lock (lines) return lines.ToList(); }
    }

    public int Count(LogEventLevel level) => Lines.Count(l => l.Level == level);

    public override string ToString() => string.Join("\n", Lines.Select(l => $"{l.Level}: {l.Text}"));

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        Message.Format(logEvent, text);
        lock (lines) lines.Add((logEvent.Level, text.ToString()));
    }
}
