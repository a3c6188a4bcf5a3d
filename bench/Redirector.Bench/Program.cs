using Redirector.Bench;

// Benchmarks print figures; they never assert (timings depend on the machine and its load).
// Usage: dotnet run -c Release --project bench/Redirector.Bench -- [name]; no name runs all.
var benchmarks = new SortedDictionary<string, Action>
{
    ["hosts"] = HostsBenchmark.Run,
    ["observe"] = ObserveBenchmark.Run,
    ["step"] = StepBenchmark.Run,
};

if (args.Length == 0)
{
    foreach (var run in benchmarks.Values) run();
    return 0;
}
if (args.Length == 1 && benchmarks.TryGetValue(args[0], out var chosen))
{
    chosen();
    return 0;
}
Console.Error.WriteLine($"usage: Redirector.Bench [{string.Join('|', benchmarks.Keys)}]");
return 2;
