using System.Text;

namespace Redirector.Failover;

/// <summary>A temp folder per daemon run: the main config, its LB files, and a hosts file
/// copied from a generated original (never /etc/hosts). Deleted on Dispose.</summary>
sealed class Workspace : IDisposable
{
    readonly string root;

    public Workspace(IEnumerable<LbSpec> lbs, string originalHosts)
    {
        root = Directory.CreateTempSubdirectory("redirector-failover-").FullName;
        var lbDir = Directory.CreateDirectory(Path.Combine(root, "lb_configs")).FullName;
        foreach (var lb in lbs) File.WriteAllText(Path.Combine(lbDir, $"{lb.Name}.yml"), lb.Yaml());
        Config = Path.Combine(root, "config.yml");
        HostsFile = Path.Combine(root, "hosts");
        Original = originalHosts;
        File.WriteAllText(Config,
            "log_level: INFO\nlb_configs_dir: lb_configs\npersist_hosts_block: true\n");
        ResetHosts();
    }

    public string Config { get; }
    public string HostsFile { get; }
    public string Original { get; }

    /// <summary>Puts the original text back atomically (temp file and rename), as an editor or
    /// a config-management run would, dropping the block.</summary>
    public void ResetHosts()
    {
        var temp = HostsFile + ".bench-tmp";
        File.WriteAllBytes(temp, Encoding.Latin1.GetBytes(Original));
        File.Move(temp, HostsFile, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
