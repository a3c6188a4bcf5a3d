using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Shell.ConfigLoading;

/// <summary>The loaded configuration or all its errors, plus warnings. LbFiles lists the LB
/// files that were found, valid or not, for the --check summary; Main and Lbs the files that
/// read without error, with their positions, for the checks of the paths they name
/// (<see cref="PathChecks"/>), which go on even when another file has a mistake.</summary>
sealed record LoadResult(Validation<ConfigError, Configuration> Config, Seq<ConfigError> Warnings)
{
    public Seq<string> LbFiles { get; init; } = Seq<string>.Empty;
    public Option<PositionedMain> Main { get; init; }
    public Seq<PositionedLb> Lbs { get; init; } = Seq<PositionedLb>.Empty;

    public Seq<ConfigError> Errors =>
        Config.Match(Succ: _ => Seq<ConfigError>.Empty, Fail: es => es);
}
