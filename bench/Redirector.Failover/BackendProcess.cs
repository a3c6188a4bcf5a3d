using System.Diagnostics;
using System.Net;

namespace Redirector.Failover;

/// <summary>A backend that is an OS process of its own (this binary in <see cref="ServeMode"/>),
/// so it can die as real servers die: SIGKILL (the kernel closes its sockets) or a normal exit.
/// Tracks the connections it holds from its output. Dispose kills it by PID if it still runs.
/// </summary>
sealed class BackendProcess : IDisposable
{
    static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    readonly Process process;
    readonly TaskCompletionSource<long> listening =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    int open;
    long accepted;

    BackendProcess(Process process, IPEndPoint endPoint)
    {
        (this.process, EndPoint) = (process, endPoint);
    }

    public IPEndPoint EndPoint { get; }
    public string Address => EndPoint.Address.ToString();
    public int Pid => process.Id;
    public bool Alive => !process.HasExited;

    /// <summary>Connections held now (probes in flight and watches).</summary>
    public int Open => Volatile.Read(ref open);

    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Started and bound; with <paramref name="standby"/> it binds only on
    /// <see cref="Listen"/>.</summary>
    public static BackendProcess Start(Protocol protocol, IPEndPoint endPoint, bool standby = false)
    {
        var (file, prefix) = SelfCommand();
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in prefix) info.ArgumentList.Add(a);
        info.ArgumentList.Add("--serve");
        info.ArgumentList.Add(protocol.ToString().ToLowerInvariant());
        info.ArgumentList.Add(endPoint.Address.ToString());
        info.ArgumentList.Add(endPoint.Port.ToString());
        if (standby) info.ArgumentList.Add("--standby");
        var process = Process.Start(info)
                      ?? throw new InvalidOperationException($"cannot start {file}");
        Children.Add(process.Id);
        var backend = new BackendProcess(process, endPoint);
        process.OutputDataReceived += (_, e) => backend.Observe(e.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!standby) backend.WaitListening();
        return backend;
    }

    /// <summary>A standby process binds now.</summary>
    public void Listen()
    {
        process.StandardInput.WriteLine("listen");
        process.StandardInput.Flush();
    }

    /// <summary>The time it reported being bound; throws when it does not in time.</summary>
    public long WaitListening()
    {
        if (listening.Task.Wait(TimeSpan.FromSeconds(30))) return listening.Task.Result;
        throw new BenchFailure($"backend {EndPoint} did not start listening");
    }

    /// <summary>SIGKILL; returns the time just before the signal, after waiting for the exit.
    /// </summary>
    public long Kill()
    {
        var at = Clock.Now;
        Posix.Signal(process.Id, Posix.SigKill);
        process.WaitForExit(ExitWait);
        return at;
    }

    /// <summary>SIGTERM, the normal stop: it closes its listener and connections and exits.
    /// Returns when the exit was seen.</summary>
    public long Stop()
    {
        Posix.Signal(process.Id, Posix.SigTerm);
        if (!process.WaitForExit(ExitWait))
            throw new BenchFailure($"backend {EndPoint} ignored SIGTERM");
        return Clock.Now;
    }

    void Observe(string? line)
    {
        switch (line)
        {
            case "listening":
                listening.TrySetResult(Clock.Now);
                break;
            case "+":
                Interlocked.Increment(ref open);
                Interlocked.Increment(ref accepted);
                break;
            case "-":
                Interlocked.Decrement(ref open);
                break;
        }
    }

    /// <summary>How to start this benchmark again: through dotnet when it runs as a dll.</summary>
    static (string File, string[] Prefix) SelfCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var dll = typeof(BackendProcess).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? (host, [dll]) : (host, []);
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(ExitWait);
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            Children.Remove(process.Id);
            process.Dispose();
        }
    }
}
