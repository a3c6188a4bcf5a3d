using System.Net;

namespace Redirector.Failover;

/// <summary>Backends that are processes of their own, on addresses of one scenario's network and
/// one port; a dead or replaced one is swapped in place. Dispose stops each by PID.</summary>
sealed class ProcessBackends : IDisposable
{
    readonly Protocol protocol;
    readonly List<BackendProcess> all = new();

    public ProcessBackends(int net, int count, int port, Protocol protocol)
    {
        this.protocol = protocol;
        try
        {
            for (var i = 0; i < count; i++)
                all.Add(BackendProcess.Start(protocol,
                    new IPEndPoint(Loopback.Address(net, i), port)));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<BackendProcess> All => all;

    public IReadOnlyList<string> Addresses => all.Select(b => b.Address).ToList();

    public BackendProcess? At(string? address) => all.FirstOrDefault(b => b.Address == address);

    public bool IsLive(string address) => At(address) is { Alive: true };

    /// <summary>A new process in the place of <paramref name="old"/>, already started.</summary>
    public void Replace(BackendProcess old, BackendProcess replacement)
    {
        all[all.IndexOf(old)] = replacement;
        old.Dispose();
    }

    /// <summary>Restarts a dead one on its address and port; returns the new process.</summary>
    public BackendProcess Restart(BackendProcess dead)
    {
        var fresh = BackendProcess.Start(protocol, dead.EndPoint);
        Replace(dead, fresh);
        return fresh;
    }

    public BackendProcess Standby(BackendProcess of) =>
        BackendProcess.Start(protocol, of.EndPoint, standby: true);

    public void Dispose()
    {
        foreach (var b in all) b.Dispose();
    }
}
