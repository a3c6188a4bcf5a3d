namespace Redirector.EndToEnd.Support;

/// <summary>A main config and its lb_configs folder in a fresh temp folder, for runs of the
/// real shell: <c>-c MainPath</c>. Files are written as given, so a test can also write a
/// broken one (SIGHUP with an invalid config).</summary>
public sealed class TempConfig : IDisposable
{
    public string Folder { get; }
    public string MainPath { get; }
    public string LbConfigsDir { get; }

    public TempConfig(string mainYaml = "")
    {
        Folder = Directory.CreateTempSubdirectory("redirector-config-").FullName;
        MainPath = Path.Combine(Folder, "config.yml");
        LbConfigsDir = Path.Combine(Folder, "lb_configs");
        Directory.CreateDirectory(LbConfigsDir);
        WriteMain(mainYaml);
    }

    public void WriteMain(string yaml) => File.WriteAllText(MainPath, yaml);

    /// <summary>Writes <c>lb_configs/NAME.yml</c> and returns its path.</summary>
    public string WriteLb(string name, string yaml)
    {
        var path = Path.Combine(LbConfigsDir, name + ".yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void RemoveLb(string name) => File.Delete(Path.Combine(LbConfigsDir, name + ".yml"));

    /// <summary>An LB file with a TCP check, in the original's format.</summary>
    public static string TcpLb(string name, string localHost, int port, double period,
        IEnumerable<string> backends, string strategy = "sequential") =>
        $"""
        name: {name}
        local_host: {localHost}
        strategy: {strategy}
        backend_hosts:
        {string.Join("\n", backends.Select(b => $"  - \"{b}\""))}
        healthcheck:
          type: tcp
          period: {period.ToString(System.Globalization.CultureInfo.InvariantCulture)}
          config:
            port: {port}
            timeout: 1
        """;

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
