using Redirector.Shell;

// Socket completions run on the socket engine's own thread instead of hopping to the thread
// pool. A probe's continuation is a few microseconds of non-blocking work (close, record,
// publish); the hop cost a fifth of the CPU per probe (BENCHMARKS.md, scenario f). Read once,
// when the first socket is made, so it must be set before anything else runs.
// With inline completions the runtime runs one socket thread per core (one alone left
// 1.7 % of scenario g's probes late on this 2-core machine).
const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
    Environment.SetEnvironmentVariable(InlineCompletions, "1");

return await Cli.RunAsync(args);
