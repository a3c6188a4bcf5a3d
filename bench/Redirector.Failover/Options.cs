namespace Redirector.Failover;

/// <summary>The command line: one or more builds to measure, the scenarios, and how long.
/// --quick is the CI smoke size (a few repetitions, 10 s windows).</summary>
sealed record Options(
    IReadOnlyList<ShellBinary> Shells, string Scenarios, int Reps, int FootprintSeconds,
    int ScaleSeconds, int WarmupSeconds, int LargeLines, bool Quick, double Period = 1)
{
    /// <summary>Which runs of f: with watches, without, or both (the default).</summary>
    public IReadOnlyList<bool> FootprintWatch { get; init; } = [true, false];

    public const string Usage =
        "usage: Redirector.Failover --shell [LABEL=]PATH [--shell ...] [--quick] " +
        "[--only abcdefghijk] [--reps N] [--footprint-seconds N] [--scale-seconds N] " +
        "[--period SECONDS] [--footprint-watch on|off|both]\n" +
        "  PATH: redirector-shell.dll (run with dotnet, labelled JIT) or a native binary (AOT)";

    public static Options Parse(string[] args)
    {
        var shells = new List<ShellBinary>();
        var quick = args.Contains("--quick");
        var o = new Options(shells, "abcdefghijk", quick ? 3 : 10, quick ? 10 : 60, quick ? 10 : 30,
            quick ? 3 : 5, 200_000, quick);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(Usage);
            switch (args[i])
            {
                case "--shell": shells.Add(ShellBinary.Parse(Next())); break;
                case "--quick": break;
                case "--only": o = o with { Scenarios = Next() }; break;
                case "--reps": o = o with { Reps = int.Parse(Next()) }; break;
                case "--footprint-seconds": o = o with { FootprintSeconds = int.Parse(Next()) }; break;
                case "--scale-seconds": o = o with { ScaleSeconds = int.Parse(Next()) }; break;
                // The probe period of the failover scenarios (b, e): 1 s unless given.
                case "--period":
                    o = o with { Period = double.Parse(Next(),
                        System.Globalization.CultureInfo.InvariantCulture) };
                    break;
                case "--footprint-watch":
                    o = o with { FootprintWatch = Next() switch
                    {
                        "on" => [true],
                        "off" => [false],
                        "both" => [true, false],
                        var other =>
                            throw new ArgumentException($"--footprint-watch {other}\n{Usage}"),
                    } };
                    break;
                default: throw new ArgumentException($"unknown argument {args[i]}\n{Usage}");
            }
        }
        if (shells.Count == 0) throw new ArgumentException(Usage);
        return o;
    }

    public bool Runs(char scenario) => Scenarios.Contains(scenario);
}
