using Redirector.Domain.Config;

namespace Redirector.Shell.Running;

/// <summary>How many threads wait on the sockets. With inline completions (Program.cs) the
/// runtime runs one per core, so that an event thread is never the bottleneck; one thread
/// serves thousands of probes a second, though, and only the largest configurations (10,000
/// backends on two cores left 1.7 % of probes late with one) need more. Fixed when the first
/// socket is made, so it follows the configuration read at start: a reload that grows the
/// configuration past the bound keeps one thread (probes a little late, none lost). An
/// operator's own DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT is left as it is.</summary>
static class SocketThreads
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>Backends at which every core gets a socket thread.</summary>
    public const int OnePerCoreFrom = 2000;

    /// <summary>Before any socket is made (the metrics listener, a probe).</summary>
    public static void Choose(Configuration config)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null) return;
        var backends = config.Lbs.Values.Sum(lb => lb.Backends.Count);
        if (backends < OnePerCoreFrom) Environment.SetEnvironmentVariable(Variable, "1");
    }
}
