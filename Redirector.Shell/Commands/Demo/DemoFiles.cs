using System.Globalization;

namespace Redirector.Shell.Commands.Demo;

/// <summary>The demo's own temp folder: a main config, one LB file and a hosts file, written
/// as an operator would write them, so the daemon loads them with its usual loader. The
/// folder goes on Dispose, whatever the daemon left in it.</summary>
sealed class DemoFiles : IDisposable
{
    public const string LocalHost = "web.demo.internal";

    DemoFiles(string folder) => Folder = folder;

    public string Folder { get; }
    public string ConfigPath => Path.Combine(Folder, "config.yml");
    public string HostsPath => Path.Combine(Folder, "hosts");

    public static DemoFiles Create(DemoBackends backends, double periodSeconds)
    {
        var files = new DemoFiles(Directory.CreateTempSubdirectory("redirector-demo-").FullName);
        try
        {
            var lbFolder = Path.Combine(files.Folder, "lb_configs");
            Directory.CreateDirectory(lbFolder);
            File.WriteAllText(files.ConfigPath,
                "log_level: INFO\nlb_configs_dir: lb_configs\nnode_name: demo\n" +
                "status_file: status.json\n");
            File.WriteAllText(Path.Combine(lbFolder, "web.yml"), LbYaml(backends, periodSeconds));
            File.WriteAllText(files.HostsPath, "127.0.0.1\tlocalhost\n");
            return files;
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    /// <summary>Priorities in list order, so the block shows a failover and a fail-back.
    /// </summary>
    static string LbYaml(DemoBackends backends, double periodSeconds)
    {
        var hosts = string.Concat(backends.All.Select((b, i) =>
            $"  - host: \"{b.Host}\"\n    priority: {i + 1}\n"));
        return "name: web\n" +
               $"local_host: {LocalHost}\n" +
               $"backend_hosts:\n{hosts}" +
               "strategy: priority\n" +
               "healthcheck:\n" +
               "  type: tcp\n" +
               $"  period: {periodSeconds.ToString(CultureInfo.InvariantCulture)}\n" +
               "  config:\n" +
               $"    port: {backends.Port}\n" +
               "    timeout: 1\n";
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"redirector-shell: demo: could not remove {Folder}: " +
                                    Errors.Describe(e));
        }
    }
}
