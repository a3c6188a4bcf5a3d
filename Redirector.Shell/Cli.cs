using System.CommandLine;
using System.Reflection;
using Redirector.Shell.Commands.Demo;
using Redirector.Shell.Commands;

namespace Redirector.Shell;

/// <summary>The command line of DESIGN.md. Each mode is carried out by its own class.</summary>
static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var config = new Option<FileInfo?>("--config", "-c")
        {
            Description = "Main config file (YAML), e.g. /etc/redirector/config.yml",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Validate the main config and every LB file, print each problem; " +
                          "probe nothing, write nothing. Exit 0 valid, 2 invalid",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Probe every backend once and print the diff the daemon would apply " +
                          "to the hosts file; write nothing",
        };
        var once = new Option<bool>("--once")
        {
            Description = "Probe every backend once, write the hosts file if it changes, exit",
        };
        var hostsFile = new Option<FileInfo?>("--hosts-file")
        {
            Description = "Work on this file instead of /etc/hosts (or the hosts_file key)",
        };
        var root = new RootCommand(
            "Redirector: a local DNS load balancer. Health-checks the backends of each " +
            "configured name and keeps one healthy backend per name in a managed block of " +
            "/etc/hosts.\n\nExamples:\n" +
            "  redirector-shell -c /etc/redirector/config.yml            run the daemon\n" +
            "  redirector-shell -c config.yml --check                    validate the config\n" +
            "  redirector-shell -c config.yml --dry-run --hosts-file h   show the next change\n" +
            "  redirector-shell -c config.yml --once                     one round, then exit\n" +
            "  redirector-shell status -c /etc/redirector/config.yml     what the daemon decided" +
            "\n" +
            "  redirector-shell demo                                     watch a failover")
        {
            config, check, dryRun, once, hostsFile,
            StatusCommand.Create(), DemoCommand.Create(),
        };
        root.SetAction(async (parsed, ct) =>
        {
            var modes = new[] { check, dryRun, once }.Where(o => parsed.GetValue(o)).ToList();
            if (modes.Count > 1)
                return Usage($"{string.Join(" and ", modes.Select(m => m.Name))} " +
                             "cannot be combined");
            if (parsed.GetValue(config) is not { } file)
                return Usage("the main config is required: redirector-shell -c PATH [--check|" +
                             "--dry-run|--once] (see --help)");
            var path = file.ToString();
            var hosts = parsed.GetValue(hostsFile)?.ToString();
            if (parsed.GetValue(check)) return CheckCommand.Run(path, hosts);
            if (parsed.GetValue(dryRun)) return await RoundCommand.RunAsync(path, hosts, false, ct);
            if (parsed.GetValue(once)) return await RoundCommand.RunAsync(path, hosts, true, ct);
            return await DaemonCommand.RunAsync(path, hosts);
        });
        var parseResult = root.Parse(args);
        // A mistyped command line is a usage error (2) on one line, not System.CommandLine's
        // default of exit 1 followed by the whole help text.
        if (parseResult.Errors.Count > 0)
            return Usage($"{parseResult.Errors[0].Message} (see --help)");
        return await parseResult.InvokeAsync();
    }

    static int Usage(string message)
    {
        Console.Error.WriteLine($"redirector-shell: {message}");
        return ExitCodes.Usage;
    }

    public static string Version =>
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion ?? "unknown";
}
