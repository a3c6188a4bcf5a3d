using System.Diagnostics;
using Redirector.EndToEnd.Support;

namespace Redirector.EndToEnd;

/// <summary>Runs the real <c>redirector-shell --check</c> on the examples and on broken config
/// folders in a temp directory. Nothing here touches /etc/hosts or the network.</summary>
public sealed class CheckTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("redirector-check-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Starts the built binary, waits at most 60 s, kills it by PID if it hangs.
    /// </summary>
    static Run Shell(params string[] args)
    {
        var start = new ProcessStartInfo(ShellProcess.Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in ShellProcess.Command[1..]) start.ArgumentList.Add(arg);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            Assert.Fail($"redirector-shell {string.Join(' ', args)} (pid {process.Id}) hung");
        }
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    static string RepoFile(string relative)
    {
        var at = new DirectoryInfo(AppContext.BaseDirectory);
        while (at is not null && !File.Exists(Path.Combine(at.FullName, "Redirector.sln")))
            at = at.Parent;
        Assert.NotNull(at);
        return Path.Combine(at.FullName, relative);
    }

    string Write(string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    const string TcpLb = """
        name: {0}
        local_host: {0}.internal
        backend_hosts: [127.0.0.1]
        strategy: sequential
        healthcheck:
          type: tcp
          period: 1
          config:
            port: 19000

        """;

    static string Lb(string name) => TcpLb.Replace("{0}", name);

    [Theory]
    [InlineData("examples/config.yml")]
    [InlineData("examples/original/config.yml")]
    [InlineData("examples/reference/config.yml")]
    public void The_shipped_examples_pass(string config)
    {
        var run = Shell("-c", RepoFile(config), "--check");
        Assert.Equal("", run.Stderr);
        Assert.Equal("2 load balancers, 0 errors, 0 warnings\n", run.Stdout);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Every_mistake_of_every_file_is_printed_with_its_position_and_exit_is_2()
    {
        var main = Write("config.yml", "lb_configs_dir: lbs\nlog_levl: DEBUG\n");
        Write("lbs/a.yml", Lb("alpha").Replace("port: 19000", "port: 70000"));
        Write("lbs/b.yml", Lb("beta").Replace("period: 1", "period: 0")
            .Replace("strategy: sequential", "strategy: fastest"));
        var run = Shell("-c", main, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(new[]
        {
            $"{dir}/lbs/a.yml:9:11: healthcheck.config.port: 70000 is not a port (1-65535)",
            $"{dir}/lbs/b.yml:4:11: strategy: 'fastest' is not a strategy " +
            "(sequential, random, priority, hash, latency)",
            $"{dir}/lbs/b.yml:7:11: healthcheck.period: 0 is not a duration " +
            "(more than 0, at most 86400 seconds)",
            $"{main}:2:1: warning: log_levl: unknown key `log_levl`, did you mean `log_level`?",
        }, run.ErrorLines);
        Assert.Equal("2 load balancers, 3 errors, 1 warning\n", run.Stdout);
    }

    [Fact]
    public void A_mistake_in_the_main_file_does_not_hide_those_of_the_lb_files()
    {
        var main = Write("config.yml", "log_level: LOUD\n");
        Write("lb_configs/a.yml", Lb("alpha").Replace("port: 19000", "port: 0"));
        var run = Shell("-c", main, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([
            $"{main}:1:12: log_level: 'LOUD' is not a log level " +
            "(CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET)",
            $"{dir}/lb_configs/a.yml:9:11: healthcheck.config.port: 0 is not a port (1-65535)",
        ], run.ErrorLines);
        Assert.Equal("1 load balancer, 2 errors, 0 warnings\n", run.Stdout);
    }

    [Fact]
    public void A_warning_alone_keeps_the_config_valid()
    {
        var main = Write("config.yml", "");
        Write("lb_configs/a.yml", Lb("alpha").Replace("period: 1", "period: 1\n  perod: 2"));
        var run = Shell("-c", main, "--check");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{dir}/lb_configs/a.yml:8:3: warning: healthcheck.perod: unknown key " +
                      "`perod`, did you mean `period`?"], run.ErrorLines);
        Assert.Equal("1 load balancer, 0 errors, 1 warning\n", run.Stdout);
    }

    [Fact]
    public void Only_yml_and_yaml_files_are_read_in_name_order()
    {
        var main = Write("config.yml", "");
        Write("lb_configs/b.yml", Lb("beta").Replace("port: 19000", "port: 0"));
        Write("lb_configs/a.yaml", Lb("alpha").Replace("port: 19000", "port: 0"));
        Write("lb_configs/c.yml.disabled", "not: [yaml");
        Write("lb_configs/README", "not yaml either: [");
        var run = Shell("-c", main, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"{dir}/lb_configs/a.yaml", $"{dir}/lb_configs/b.yml"],
            run.ErrorLines.Select(l => l[..l.IndexOf(':')]));
        Assert.Equal("2 load balancers, 2 errors, 0 warnings\n", run.Stdout);
    }

    [Fact]
    public void Duplicate_names_across_files_are_reported_with_both_files()
    {
        var main = Write("config.yml", "");
        Write("lb_configs/a.yml", Lb("alpha"));
        Write("lb_configs/b.yml", Lb("alpha").Replace("local_host: alpha.internal",
            "local_host: beta.internal"));
        var run = Shell("-c", main, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"{dir}/lb_configs/b.yml:1:7: name: 'alpha' is already the name of the " +
                      $"load balancer in {dir}/lb_configs/a.yml; names must be unique"],
            run.ErrorLines);
    }

    [Fact]
    public void A_missing_lb_configs_dir_is_an_error_at_the_key_that_names_it()
    {
        var main = Write("config.yml", "log_level: INFO\nlb_configs_dir: nowhere\n");
        var run = Shell("-c", main, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"{main}:2:17: lb_configs_dir: directory {dir}/nowhere does not exist"],
            run.ErrorLines);
        Assert.Equal("0 load balancers, 1 error, 0 warnings\n", run.Stdout);
    }

    [Fact]
    public void An_empty_lb_configs_dir_is_a_warning()
    {
        var main = Write("config.yml", "");
        Directory.CreateDirectory(Path.Combine(dir, "lb_configs"));
        var run = Shell("-c", main, "--check");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{main}: warning: lb_configs_dir: no load balancer files (*.yml, *.yaml) in " +
                      $"{dir}/lb_configs; nothing is written until one is added"], run.ErrorLines);
        Assert.Equal("0 load balancers, 0 errors, 1 warning\n", run.Stdout);
    }

    [Fact]
    public void A_missing_main_file_is_an_error_with_its_path()
    {
        var missing = Path.Combine(dir, "absent.yml");
        var run = Shell("-c", missing, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"{missing}: no such file"], run.ErrorLines);
    }

    [Fact]
    public void A_directory_given_as_the_main_file_is_an_error()
    {
        var run = Shell("-c", dir, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"{dir}: is a directory, not a file"], run.ErrorLines);
    }

    [Fact]
    public void Binary_garbage_gives_positioned_errors_and_no_stack_trace()
    {
        var main = Write("config.yml", "");
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray();
        Directory.CreateDirectory(Path.Combine(dir, "lb_configs"));
        File.WriteAllBytes(Path.Combine(dir, "lb_configs", "garbage.yml"), bytes);
        var run = Shell("-c", main, "--check");
        Assert.Equal(2, run.ExitCode);
        Assert.All(run.ErrorLines, line =>
            Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(dir)}/lb_configs/" +
                           @"garbage\.yml:\d+:\d+: ", line));
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Check_without_a_config_is_a_usage_error()
    {
        var run = Shell("--check");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["redirector-shell: the main config is required: redirector-shell -c PATH " +
                      "[--check|--dry-run|--once] (see --help)"], run.ErrorLines);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_mistyped_option_is_a_one_line_usage_error()
    {
        var run = Shell("--chek");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["redirector-shell: Unrecognized command or argument '--chek'. (see --help)"],
            run.ErrorLines);
    }
}
