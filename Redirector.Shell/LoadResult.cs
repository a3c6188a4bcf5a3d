using LanguageExt;
using Redirector.Domain.Config;

namespace Redirector.Shell;

/// <summary>The loaded configuration or all its errors, plus warnings. LbFiles lists the LB
/// files that were found, valid or not, for the --check summary.</summary>
sealed record LoadResult(Validation<ConfigError, Configuration> Config, Seq<ConfigError> Warnings)
{
    public Seq<string> LbFiles { get; init; } = Seq<string>.Empty;

    public Seq<ConfigError> Errors =>
        Config.Match(Succ: _ => Seq<ConfigError>.Empty, Fail: es => es);
}
