using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Redirector.Domain.Config;
using Redirector.Shell.ConfigLoading;
using Redirector.Shell.Running;
using Serilog.Core;
using Serilog.Sinks.SystemConsole.Themes;
using Serilog;

namespace Redirector.Shell.Commands.Demo;

/// <summary><c>demo</c>: a failover shown with nothing but this binary, as <c>vault server
/// -dev</c> shows Vault. Three loopback backends of its own, a temp folder with a config and a
/// hosts file (never /etc/hosts), and the real daemon (<see cref="Daemon"/>, loaded by the
/// usual <see cref="ConfigLoader"/>) on them; <see cref="DemoScript"/> stops the active backend
/// and starts it again. It ends by itself; Ctrl-C ends it sooner; both remove everything.
/// </summary>
static class DemoCommand
{
    /// <summary>Short, so the demo's return of a backend takes well under a second.</summary>
    const double PeriodSeconds = 0.5;

    public static Command Create()
    {
        var command = new Command("demo",
            "Show a failover: start three loopback backends, a temp hosts file and the daemon " +
            "on them, stop the active backend, then start it again. Needs nothing else, ends " +
            "by itself in about 10 s (Ctrl-C ends it sooner) and leaves nothing behind. " +
            "Example: redirector-shell demo");
        command.SetAction((_, _) => RunAsync());
        return command;
    }

    public static async Task<int> RunAsync()
    {
        using var interrupted = new CancellationTokenSource();
        void Interrupt(PosixSignalContext c)
        {
            c.Cancel = true;
            interrupted.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        var say = new DemoOutput();
        try
        {
            var code = await RunInTempFolderAsync(say, interrupted.Token);
            if (code == ExitCodes.Ok)
                DemoOutput.Plain("Demo done: backends stopped, temp folder removed. Next: the " +
                                 "quick start in README.md runs the bundled examples.");
            return code;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            DemoOutput.Plain("Demo stopped early: backends stopped, temp folder removed.");
            return ExitCodes.Ok;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return Failed($"cannot listen on 127.0.0.2-4: {Errors.Describe(e)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"cannot make its temp folder in {Path.GetTempPath()}: " +
                          Errors.Describe(e));
        }
    }

    static int Failed(string why)
    {
        Console.Error.WriteLine($"redirector-shell: demo: {why}");
        return ExitCodes.Runtime;
    }

    /// <summary>The daemon is stopped before the folder goes, and the folder before the
    /// backends: whatever ends the run, nothing stays.</summary>
    static async Task<int> RunInTempFolderAsync(DemoOutput say, CancellationToken interrupted)
    {
        using var backends = DemoBackends.Start();
        using var files = DemoFiles.Create(backends, PeriodSeconds);
        var loaded = ConfigLoader.Load(files.ConfigPath, files.HostsPath);
        if (loaded.Config.Case is not Configuration config)
        {
            foreach (var e in loaded.Config.FailToSeq()) Console.Error.WriteLine(e.ToString());
            return ExitCodes.Runtime;
        }
        Introduce(backends, files);
        await using var logger = DaemonLog();
        using var end = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
        var daemon = new Daemon(files.ConfigPath, files.HostsPath, config, logger)
            .RunAsync(end.Token);
        try
        {
            return await new DemoScript(backends, files.HostsPath, say).RunAsync(interrupted);
        }
        finally
        {
            await end.CancelAsync();
            await daemon;
        }
    }

    static void Introduce(DemoBackends backends, DemoFiles files)
    {
        var hosts = string.Join(", ", backends.All.Select(b => b.Host));
        DemoOutput.Plain(string.Create(CultureInfo.InvariantCulture, $"""
            Redirector demo: the real daemon on three loopback backends of its own.
              name:      {DemoFiles.LocalHost} -> one of {hosts} (TCP port {backends.Port})
              strategy:  priority (the first listed healthy backend wins, and wins back)
              checks:    a TCP connect to each backend every {PeriodSeconds} s (healthcheck period)
              hosts:     {files.HostsPath} (a temp file, never /etc/hosts)
            It ends by itself in about 10 s (Ctrl-C ends it sooner) and leaves nothing behind.
            Lines starting with "log:" are the daemon's own log.
            """));
    }

    static Logger DaemonLog() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .WriteTo.Console(outputTemplate: "  log: {Message:lj}{NewLine}", theme: ConsoleTheme.None)
        .CreateLogger();
}
