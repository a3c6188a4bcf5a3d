namespace Redirector.EndToEnd.Support;

/// <summary>The real <c>redirector-shell</c> as a test's child process: waits on the hosts file
/// with a bounded poll, signals, kill on dispose. By default the built dll run with
/// <c>dotnet</c>; <c>REDIRECTOR_SHELL=/path/to/redirector-shell</c> runs a native (AOT) binary
/// instead, so the same tests check the production build (bench/aot-e2e).</summary>
public sealed class ShellProcess : ChildProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "redirector-shell.dll");

    /// <summary>The command line that starts the shell, before its own arguments.</summary>
    public static string[] Command { get; } =
        Environment.GetEnvironmentVariable("REDIRECTOR_SHELL") is { Length: > 0 } binary
            ? [Path.GetFullPath(binary)]
            : ["dotnet", Dll];

    ShellProcess(string fileName, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment)
        : base(fileName, args, environment)
    {
    }

    public static ShellProcess Start(params string[] args) => Start(args, null);

    public static ShellProcess Start(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment) =>
        new(Command[0], [.. Command[1..], .. args], environment);

    /// <summary>Runs the shell inside a private mount namespace (<c>unshare -m</c>) where
    /// <paramref name="bindSource"/> is bind-mounted over <paramref name="bindTarget"/>, as
    /// Docker mounts /etc/hosts. Needs root (see <see cref="RootFactAttribute"/>).</summary>
    public static ShellProcess StartBindMounted(
        string bindSource, string bindTarget, params string[] args) =>
        new("unshare", BindMounted(bindSource, bindTarget, [.. Command, .. args]), null);

    /// <summary>unshare(1) arguments that run <paramref name="command"/> (same PID, via exec)
    /// in a private mount namespace with the bind mount in place.</summary>
    public static string[] BindMounted(string source, string target, IEnumerable<string> command) =>
        ["-m", "--propagation", "private", "--", "sh", "-c",
            "mount --bind \"$1\" \"$2\" && shift 2 && exec \"$@\"", "sh",
            source, target, .. command];

    /// <summary>Runs to the end (--check, --dry-run, --once); killed after the timeout.</summary>
    public static async Task<(int? ExitCode, string Stdout, string Stderr)> RunAsync(
        TimeSpan timeout, params string[] args)
    {
        using var shell = Start(args);
        // Process.WaitForExitAsync also waits for the end of redirected output.
        var code = await shell.WaitForExitAsync(timeout);
        return (code, shell.Stdout, shell.Stderr);
    }

    /// <summary>Polls the file (every 25 ms, until the timeout) until its text satisfies
    /// <paramref name="condition"/>; an unreadable or missing file counts as not yet.</summary>
    public static Task<bool> WaitForFileAsync(
        string path, Func<string, bool> condition, TimeSpan timeout) =>
        Wait.UntilAsync(() =>
        {
            try
            {
                return condition(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path)));
            }
            catch (IOException)
            {
                return false;
            }
        }, timeout);

    public Task<bool> WaitForHostsAsync(
        string path, Func<string, bool> condition, TimeSpan timeout) =>
        WaitForFileAsync(path, condition, timeout);
}
