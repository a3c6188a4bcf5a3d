using System.Runtime.CompilerServices;

namespace Redirector.EndToEnd.Support;

/// <summary>The captured output and the exit of every child process reach these tests on
/// thread-pool threads, and some tests block a pool thread while a child runs. On a loaded
/// 2-core machine the pool adds threads about twice a second once its minimum is in use, so a
/// burst of such tests could hold a daemon's log lines and exit back past a test's bound.
/// Threads up to this minimum start at once.</summary>
static class TestHostThreads
{
    const int Minimum = 32;

    [ModuleInitializer]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Minimum), Math.Max(io, Minimum));
    }
}
