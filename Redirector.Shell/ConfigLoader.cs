using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Shell;

/// <summary>Loads the main config and every LB file from disk and hands the texts to the pure
/// readers. Fills in what only the machine knows: the node name, and a --hosts-file override.</summary>
static class ConfigLoader
{
    public static LoadResult Load(string mainConfigPath, string? hostsFileOverride)
    {
        var mainDir = Path.GetDirectoryName(mainConfigPath) ?? "";
        var main = ConfigFiles.ReadText(mainConfigPath).Match(
            Succ: text => MainConfigReader.ReadPositioned(mainConfigPath, text, mainDir),
            Fail: es => new ReadResult<PositionedMain>(es, Empty));
        return main.Value.Match(
            Succ: m => LoadLbs(mainConfigPath, main, m, hostsFileOverride),
            Fail: es => new LoadResult(es, main.Warnings));
    }

    static LoadResult LoadLbs(
        string mainPath, ReadResult<PositionedMain> main, PositionedMain m, string? hostsOverride)
    {
        var files = ConfigFiles.LbFiles(m.Main.LbConfigsDir, mainPath, m.LbConfigsDirAt);
        return files.Match(
            Succ: paths =>
            {
                var lbs = paths.Map(path => ConfigFiles.ReadText(path).Match(
                    Succ: text => LbConfigReader.ReadPositioned(path, text),
                    Fail: es => new ReadResult<PositionedLb>(es, Empty)));
                var combined = ConfigurationRules.Combine(mainPath, main, lbs);
                return new LoadResult(
                    combined.Value.Map(c => c with { Main = Localize(c.Main, hostsOverride) }),
                    combined.Warnings) { LbFiles = paths };
            },
            Fail: es => new LoadResult(es, main.Warnings));
    }

    static MainConfig Localize(MainConfig main, string? hostsOverride) =>
        main with
        {
            NodeName = main.NodeName.IfNone(Environment.MachineName),
            HostsFile = hostsOverride ?? main.HostsFile,
        };
}
