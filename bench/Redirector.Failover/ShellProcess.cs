using System.Diagnostics;

namespace Redirector.Failover;

/// <summary>One running redirector-shell daemon. Its output is drained (the last lines kept
/// for a failure message); Dispose stops it by PID: SIGTERM, then SIGKILL after 5 s.</summary>
sealed class ShellProcess : IDisposable
{
    const int KeptLines = 40;
    static readonly TimeSpan TermWait = TimeSpan.FromSeconds(5);

    readonly Process process;
    readonly Queue<string> tail = new();

    ShellProcess(Process process) => this.process = process;

    public int Pid => process.Id;
    public long StartedAt { get; private init; }
    public int? ExitCode { get; private set; }

    public static ShellProcess Start(ShellBinary shell, string config, string hostsFile)
    {
        var (file, prefix) = shell.Command;
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in prefix) info.ArgumentList.Add(a);
        foreach (var a in new[] { "-c", config, "--hosts-file", hostsFile }) info.ArgumentList.Add(a);
        var startedAt = Clock.Now;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var shellProcess = new ShellProcess(process) { StartedAt = startedAt };
        Children.Add(process.Id);
        process.OutputDataReceived += (_, e) => shellProcess.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => shellProcess.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return shellProcess;
    }

    public bool Exited => process.HasExited;

    public ProcStats? Stats() => ProcStats.Read(process.Id);

    public string Tail()
    {
        lock (tail) return string.Join('\n', tail);
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (tail)
        {
            tail.Enqueue(line);
            while (tail.Count > KeptLines) tail.Dequeue();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                Posix.Signal(process.Id, Posix.SigTerm);
                if (!process.WaitForExit(TermWait)) process.Kill(entireProcessTree: true);
            }
            process.WaitForExit(TermWait);
            ExitCode = process.HasExited ? process.ExitCode : null;
        }
        finally
        {
            Children.Remove(process.Id);
            process.Dispose();
        }
    }
}
