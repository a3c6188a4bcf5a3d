using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Redirector.EndToEnd.Support;

/// <summary>A process a test started: stdout and stderr captured, signals sent by PID, and
/// always killed by PID on dispose, so no test leaves a process behind.</summary>
public class ChildProcess : IDisposable
{
    static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    readonly Process process;
    readonly StringBuilder stdout = new();
    readonly StringBuilder stderr = new();

    public ChildProcess(string fileName, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Whatever runs the tests (systemd, a CI agent) must not change how the child logs
        // or make it talk to that runner's notify socket; a test sets these explicitly.
        start.Environment.Remove("NOTIFY_SOCKET");
        start.Environment.Remove("JOURNAL_STREAM");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Pid = process.Id;
    }

    public int Pid { get; }
    public bool HasExited => process.HasExited;
    public string Stdout { get { lock (stdout) return stdout.ToString(); } }
    public string Stderr { get { lock (stderr) return stderr.ToString(); } }

    /// <summary>Sends a signal to this PID only: "TERM", "HUP", "INT", "KILL". By kill(2) from
    /// this process: starting kill(1) for it cost a fork and an exec that, on a loaded machine,
    /// could outlast the bound put on it, and a signal not sent looked like one ignored.
    /// Throws when no signal was sent.</summary>
    public void Signal(string signal)
    {
        var number = signal switch
        {
            "HUP" => 1,
            "INT" => 2,
            "KILL" => 9,
            "TERM" => 15,
            _ => throw new ArgumentException($"no such signal in these tests: {signal}", nameof(signal)),
        };
        if (kill(Pid, number) != 0)
            throw new InvalidOperationException(
                $"SIG{signal} to {Pid} was not sent: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    /// <summary>The exit code, or null if still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public Task<bool> WaitForStdoutAsync(Func<string, bool> condition, TimeSpan timeout) =>
        Wait.UntilAsync(() => condition(Stdout), timeout);

    public Task<bool> WaitForStderrAsync(Func<string, bool> condition, TimeSpan timeout) =>
        Wait.UntilAsync(() => condition(Stderr), timeout);

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(KillWait);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        process.Dispose();
        GC.SuppressFinalize(this);
    }

    static void Append(StringBuilder text, string? line)
    {
        if (line is null) return;
        lock (text) text.Append(line).Append('\n');
    }
}
