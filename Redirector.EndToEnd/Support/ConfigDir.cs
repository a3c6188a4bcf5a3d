namespace Redirector.EndToEnd.Support;

/// <summary>A main config and its lb_configs folder in a temp folder, written as an operator
/// would write them, with a temp hosts file beside them (never /etc/hosts).</summary>
public sealed class ConfigDir : IDisposable
{
    public ConfigDir(string mainYaml = "", string hostsText = TempHostsFile.Sample)
    {
        Folder = Directory.CreateTempSubdirectory("redirector-e2e-").FullName;
        Directory.CreateDirectory(LbFolder);
        Hosts = new TempHostsFile(hostsText);
        WriteMain(mainYaml);
    }

    public string Folder { get; }
    public string MainPath => Path.Combine(Folder, "config.yml");
    public string LbFolder => Path.Combine(Folder, "lb_configs");
    public TempHostsFile Hosts { get; }

    /// <summary>Writes the main config. Unless it names a status_file, one in this folder is
    /// added: the default, /run/redirector, would be created by a daemon run as root.</summary>
    public void WriteMain(string yaml) => File.WriteAllText(MainPath,
        yaml.Contains("status_file", StringComparison.Ordinal)
            ? yaml
            : $"{yaml}{(yaml.Length == 0 || yaml.EndsWith('\n') ? "" : "\n")}" +
              "status_file: status.json\n");

    public void WriteLb(string name, string yaml) =>
        File.WriteAllText(Path.Combine(LbFolder, $"{name}.yml"), yaml);

    /// <summary>A TCP-checked LB with a fast period, so tests finish in seconds.</summary>
    public void WriteTcpLb(string name, int port, IEnumerable<string> backends,
        string strategy = "sequential", string extra = "", double period = 0.3) =>
        WriteLb(name, $"""
            name: {name}
            local_host: {name}.test
            backend_hosts: [{string.Join(", ", backends.Select(b => $"\"{b}\""))}]
            strategy: {strategy}
            {extra}
            healthcheck:
              type: tcp
              period: {period}
              config:
                port: {port}
                timeout: 1
            """);

    /// <summary>The daemon on this config and hosts file.</summary>
    public ShellProcess StartDaemon(params string[] extra) =>
        ShellProcess.Start(["-c", MainPath, "--hosts-file", Hosts.Path, .. extra]);

    public Task<(int? ExitCode, string Stdout, string Stderr)> RunAsync(params string[] extra) =>
        ShellProcess.RunAsync(TimeSpan.FromSeconds(30),
            ["-c", MainPath, "--hosts-file", Hosts.Path, .. extra]);

    /// <summary>The address the block gives for a name, or null when it has no line for it.</summary>
    public string? EntryFor(string name) => Block.EntryFor(Hosts.Read(), name);

    public Task<bool> WaitForEntryAsync(string name, string? address, double seconds = 10) =>
        Wait.UntilAsync(() => SafeEntry(name) == address, TimeSpan.FromSeconds(seconds));

    string? SafeEntry(string name)
    {
        try
        {
            return EntryFor(name);
        }
        catch (IOException)
        {
            return "(unreadable)";
        }
    }

    public void Dispose()
    {
        Hosts.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
