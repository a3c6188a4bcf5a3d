using System.Net;
using System.Net.Sockets;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd;

/// <summary>--check looks at what the config names on disk, without writing: the folders of
/// log_file_path, pid_file and status_file, hosts_file, cacerts; and whether metrics_listen can
/// be bound. Each problem is positioned at the key; errors exit 2, warnings keep exit 0. The
/// daemon refuses the same errors at start. Temp folders only; nothing binds beyond
/// loopback.</summary>
public sealed class CheckPathTests : IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    readonly ConfigDir dir = new();

    public CheckPathTests() => dir.WriteTcpLb("web", 19000, ["127.0.0.1"]);

    public void Dispose() => dir.Dispose();

    string Missing => Path.Combine(dir.Folder, "absent");

    static string[] Lines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    async Task<(int? Code, string Stdout, string[] Stderr)> Check(params string[] extra)
    {
        var (code, stdout, stderr) = await ShellProcess.RunAsync(Timeout,
            ["-c", dir.MainPath, "--check", "--hosts-file", dir.Hosts.Path, .. extra]);
        return (code, stdout, Lines(stderr));
    }

    /// <summary>Without --hosts-file, so that the hosts_file key is what is checked.</summary>
    async Task<(int? Code, string Stdout, string[] Stderr)> CheckOwnHosts()
    {
        var (code, stdout, stderr) = await ShellProcess.RunAsync(Timeout,
            "-c", dir.MainPath, "--check");
        return (code, stdout, Lines(stderr));
    }

    [Fact]
    public async Task Every_path_key_set_to_something_that_works_passes()
    {
        Directory.CreateDirectory(Path.Combine(dir.Folder, "log"));
        using var certs = new TestCertificates(dir.Folder);
        dir.WriteMain($"log_file_path: {dir.Folder}/log/r.log\npid_file: {dir.Folder}/r.pid\n" +
                      $"status_file: {dir.Folder}/run/new/status.json\n" +
                      $"hosts_file: {dir.Folder}/hosts-to-be-made\n");
        dir.WriteLb("tls", HttpsLb("tls", certs.AuthorityPemPath));
        var run = await CheckOwnHosts();
        Assert.Equal((0, "2 load balancers, 0 errors, 0 warnings\n"), (run.Code, run.Stdout));
        Assert.Empty(run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir.Folder, "run")), "--check made a folder");
        Assert.False(File.Exists(Path.Combine(dir.Folder, "hosts-to-be-made")));
    }

    [Fact]
    public async Task A_log_file_in_a_missing_folder_is_an_error()
    {
        dir.WriteMain($"log_file_path: {Missing}/r.log\n");
        var run = await Check();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.MainPath}:1:16: log_file_path: folder {Missing} does not exist " +
                      "(the daemon does not create it)"], run.Stderr);
    }

    [Fact]
    public async Task The_daemon_refuses_to_start_with_a_log_folder_that_does_not_exist()
    {
        dir.WriteMain($"log_file_path: {Missing}/r.log\n");
        var (code, _, stderr) = await ShellProcess.RunAsync(Timeout,
            "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path);
        Assert.Equal(2, code);
        Assert.StartsWith($"{dir.MainPath}:1:16: log_file_path: folder {Missing} does not exist",
            stderr);
        Assert.False(Directory.Exists(Missing), "the daemon made the log folder");
        Assert.DoesNotContain("BEGIN REDIRECTOR", dir.Hosts.Read());
    }

    [Fact]
    public async Task A_pid_file_in_a_missing_folder_is_an_error_and_the_daemon_does_not_start()
    {
        dir.WriteMain($"pid_file: {Missing}/r.pid\n");
        var run = await Check();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.MainPath}:1:11: pid_file: folder {Missing} does not exist " +
                      "(the daemon does not create it)"], run.Stderr);
        var (code, _, _) = await ShellProcess.RunAsync(Timeout,
            "-c", dir.MainPath, "--hosts-file", dir.Hosts.Path);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task A_status_folder_that_cannot_be_made_is_an_error()
    {
        File.WriteAllText(Path.Combine(dir.Folder, "plain"), "");
        dir.WriteMain($"status_file: {dir.Folder}/plain/run/status.json\n");
        var run = await Check();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.MainPath}:1:14: status_file: {dir.Folder}/plain is a file, so the " +
                      $"status folder {dir.Folder}/plain/run cannot be made"], run.Stderr);
    }

    [Fact]
    public async Task A_hosts_file_that_is_not_an_absolute_path_is_an_error_at_the_key()
    {
        dir.WriteMain("hosts_file: 42\n");
        var run = await CheckOwnHosts();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.MainPath}:1:13: hosts_file: '42' is not an absolute path " +
                      "(e.g. /etc/hosts)"], run.Stderr);
    }

    [Fact]
    public async Task A_hosts_file_that_is_a_folder_is_an_error()
    {
        dir.WriteMain($"hosts_file: {dir.Folder}\n");
        var run = await CheckOwnHosts();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.MainPath}:1:13: hosts_file: {dir.Folder} is a folder, not a hosts " +
                      "file"], run.Stderr);
    }

    [Fact]
    public async Task A_hosts_file_in_a_missing_folder_is_an_error()
    {
        dir.WriteMain($"hosts_file: {Missing}/hosts\n");
        var run = await CheckOwnHosts();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.MainPath}:1:13: hosts_file: {Missing}/hosts does not exist, nor " +
                      $"does its folder {Missing}"], run.Stderr);
    }

    [Fact]
    public async Task A_symlink_to_a_hosts_file_passes_and_a_flag_naming_a_folder_does_not()
    {
        var link = Path.Combine(dir.Folder, "hosts-link");
        File.CreateSymbolicLink(link, dir.Hosts.Path);
        dir.WriteMain($"hosts_file: {link}\n");
        var run = await CheckOwnHosts();
        Assert.Equal((0, "1 load balancer, 0 errors, 0 warnings\n"), (run.Code, run.Stdout));
        var (code, _, stderr) = await ShellProcess.RunAsync(Timeout,
            "-c", dir.MainPath, "--check", "--hosts-file", dir.Folder);
        Assert.Equal(2, code);
        Assert.Equal([$"--hosts-file: {dir.Folder} is a folder, not a hosts file"],
            Lines(stderr));
    }

    [Fact]
    public async Task A_missing_cacerts_is_an_error_at_its_line()
    {
        dir.WriteLb("tls", HttpsLb("tls", $"{Missing}/ca.pem"));
        var run = await Check();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.LbFolder}/tls.yml:12:14: healthcheck.config.cacerts: " +
                      $"{Missing}/ca.pem does not exist"], run.Stderr);
    }

    [Fact]
    public async Task A_cacerts_without_a_certificate_is_an_error()
    {
        var notPem = Path.Combine(dir.Folder, "ca.pem");
        File.WriteAllText(notPem, "not a certificate\n");
        dir.WriteLb("tls", HttpsLb("tls", notPem));
        var run = await Check();
        Assert.Equal(2, run.Code);
        Assert.Equal([$"{dir.LbFolder}/tls.yml:12:14: healthcheck.config.cacerts: " +
                      $"{notPem} holds no PEM certificate"], run.Stderr);
    }

    [Fact]
    public async Task A_metrics_port_in_use_is_a_warning_not_an_error()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        dir.WriteMain($"metrics_listen: \"127.0.0.1:{port}\"\n");
        var run = await Check();
        Assert.Equal((0, "1 load balancer, 0 errors, 1 warning\n"), (run.Code, run.Stdout));
        Assert.Equal([$"{dir.MainPath}:1:17: warning: metrics_listen: 127.0.0.1:{port} is in " +
                      "use: by the running daemon, that is expected; by anything else, the " +
                      "daemon would serve no metrics"], run.Stderr);
        holder.Stop();
        var free = await Check();
        Assert.Equal((0, "1 load balancer, 0 errors, 0 warnings\n"), (free.Code, free.Stdout));
    }

    static string HttpsLb(string name, string cacerts) => $"""
        name: {name}
        local_host: {name}.test
        backend_hosts: [127.0.0.1]
        strategy: sequential
        healthcheck:
          type: http
          period: 1
          config:
            port: 19443
            path: /health
            scheme: https
            cacerts: {cacerts}

        """;
}
