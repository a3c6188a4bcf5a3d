using Redirector.Failover;

// A backend process of a crash or restart scenario, not a benchmark run.
if (args is ["--serve", .. var serve]) return ServeMode.Run(serve);

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

AppDomain.CurrentDomain.ProcessExit += (_, _) => Children.KillAll();
Console.CancelKeyPress += (_, _) => Children.KillAll();

var report = new Report();
Console.WriteLine($"Redirector failover/footprint/scale benchmark, {DateTime.UtcNow:u}, " +
                  $"{Environment.ProcessorCount} cores, {(options.Quick ? "quick" : "full")} run");
foreach (var shell in options.Shells)
{
    Console.WriteLine($"== {shell.Label}: {shell.Path}");
    var integrity = new Integrity();
    var bench = new Bench(shell, options, report, integrity);
    bench.RunAll();
    report.Add(new Row(shell.Label, "all", "hosts reads checked",
        $"{integrity.Reads} reads, {integrity.Violations} half-written or outside-changed; " +
        $"{integrity.CleanStops}/{integrity.Runs} daemons exited 0 on SIGTERM",
        new Verdict("0 violations", integrity.Violations == 0)));
    foreach (var reason in integrity.Reasons) report.Note($"{shell.Label}: violation: {reason}");
}
report.Print(Console.Out);
return 0;
