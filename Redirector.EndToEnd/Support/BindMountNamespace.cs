namespace Redirector.EndToEnd.Support;

/// <summary>A private mount namespace (<c>unshare -m</c>, held open by a sleeping process)
/// where one file is bind-mounted over another, as Docker mounts /etc/hosts. This process
/// reaches the namespace's view through <c>/proc/PID/root</c>, so a write there meets the
/// mount point (rename fails with EBUSY) while the host's mount table is never touched.</summary>
public sealed class BindMountNamespace : IDisposable
{
    static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(10);

    readonly ChildProcess holder;

    BindMountNamespace(ChildProcess holder) => this.holder = holder;

    public static async Task<BindMountNamespace> StartAsync(string source, string target)
    {
        var holder = new ChildProcess("unshare", ["-m", "--propagation", "private", "--",
            "sh", "-c", "mount --bind \"$1\" \"$2\" && echo mounted && exec sleep 300",
            "sh", source, target]);
        if (!await holder.WaitForStdoutAsync(o => o.Contains("mounted"), ReadyWait))
        {
            var why = holder.Stderr;
            holder.Dispose();
            throw new InvalidOperationException($"bind mount failed: {why}");
        }
        return new BindMountNamespace(holder);
    }

    /// <summary>The path through which this process sees <paramref name="path"/> as the namespace does.</summary>
    public string Inside(string path) => $"/proc/{holder.Pid}/root{Path.GetFullPath(path)}";

    public void Dispose() => holder.Dispose();
}
