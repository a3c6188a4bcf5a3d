using System.CommandLine;
using System.Text.Json;
using Redirector.Domain.Config;
using Redirector.Shell.ConfigLoading;
using Redirector.Shell.Observing;

namespace Redirector.Shell.Commands;

/// <summary><c>status -c PATH [--json]</c>: finds the status file through the main config's
/// status_file and prints what the running daemon last wrote there. Exit 1 when there is no
/// status or its daemon is gone, 2 when the main config cannot be read.</summary>
static class StatusCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config", "-c")
        {
            Description = "Main config file of the daemon (its status_file is read), " +
                          "e.g. /etc/redirector/config.yml",
            Required = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the status file as it is (JSON), for scripts",
        };
        var command = new Command("status",
            "Show what the running daemon decided: each LB's active backend and since when, " +
            "each backend's state and last probe. Exit 1 when no daemon status exists. " +
            "Example: redirector-shell status -c /etc/redirector/config.yml [--json]")
        {
            config, json,
        };
        command.SetAction(parsed =>
            Run(parsed.GetValue(config)!.ToString(), parsed.GetValue(json)));
        return command;
    }

    public static int Run(string configPath, bool json)
    {
        var main = ConfigFiles.ReadText(configPath).Bind(text => MainConfigReader
            .Read(configPath, text, Path.GetDirectoryName(configPath) ?? "").Value);
        return main.Match(
            Succ: m => Show(StatusLocation.ForThisProcess(m.StatusFile), json),
            Fail: errors =>
            {
                foreach (var e in errors) Console.Error.WriteLine(e.ToString());
                return ExitCodes.Usage;
            });
    }

    static int Show(string path, bool json)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail($"no daemon status at {path}: the daemon is not running, or runs with " +
                        "another status_file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read {path}: {Errors.Describe(e)}");
        }
        StatusSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(text, StatusJson.Default.StatusSnapshot);
        }
        catch (JsonException e)
        {
            return Fail($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not a status " +
                        "file of redirector");
        }
        if (snapshot is null) return Fail($"{path}: empty status file");
        Console.Out.Write(json ? text : StatusTable.Render(snapshot, DateTimeOffset.Now));
        if (IsRunning(snapshot.Pid)) return ExitCodes.Ok;
        return Fail($"the daemon that wrote {path} (pid {snapshot.Pid}) is not running; " +
                    "this status is stale");
    }

    static bool IsRunning(int pid) => pid > 0 && Directory.Exists($"/proc/{pid}");

    static int Fail(string message)
    {
        Console.Error.WriteLine($"redirector-shell status: {message}");
        return ExitCodes.Runtime;
    }
}
