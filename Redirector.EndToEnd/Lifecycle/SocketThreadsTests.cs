using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd.Lifecycle;

/// <summary>A configuration of a few backends waits on its sockets with one thread, not one
/// per core: the rest would only sleep, and count against the daemon's threads.</summary>
public sealed class SocketThreadsTests
{
    [Fact]
    public async Task A_small_configuration_waits_on_its_sockets_with_one_thread()
    {
        using var server = LoopbackTcpServer.Started();
        using var dir = new ConfigDir();
        dir.WriteTcpLb("web", server.Port, ["127.0.0.1", "127.0.0.2"]);

        using var daemon = dir.StartDaemon();
        Assert.True(await dir.WaitForEntryAsync("web.test", "127.0.0.1"), daemon.Stdout);

        var names = ThreadNames(daemon.Pid);
        Assert.True(names.Count(n => n == ".NET Sockets") == 1, string.Join(", ", names));
    }

    static List<string> ThreadNames(int pid)
    {
        var names = new List<string>();
        foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
        {
            try
            {
                names.Add(File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'));
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }
        return names;
    }
}
