using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain;
using Redirector.Shell.HostsFiles;
using static LanguageExt.Prelude;

namespace Redirector.Shell.ConfigLoading;

/// <summary>Loads the main config and every LB file from disk and hands the texts to the pure
/// readers. Fills in what only the machine knows: the node name, a --hosts-file override, and
/// who may change the files (<see cref="FilePermissions"/>).</summary>
static class ConfigLoader
{
    public static LoadResult Load(string mainConfigPath, string? hostsFileOverride)
    {
        var mainDir = Path.GetDirectoryName(mainConfigPath) ?? "";
        var text = ConfigFiles.ReadText(mainConfigPath);
        var main = text.Match(
            Succ: t => MainConfigReader.ReadPositioned(mainConfigPath, t, mainDir),
            Fail: es => new ReadResult<PositionedMain>(es, Empty));
        // A mistake in the main file does not hide those of the LB files, if we know where
        // they are.
        var lbDir = main.Value.Match(
            Succ: m => Some((m.Main.LbConfigsDir, m.LbConfigsDirAt)),
            Fail: _ => text.ToOption()
                .Bind(t => MainConfigReader.LbConfigsDir(mainConfigPath, t, mainDir)));
        var result = lbDir.Match(
            Some: dir => LoadLbs(mainConfigPath, main, dir.Item1, dir.Item2, hostsFileOverride),
            None: () => new LoadResult(main.Errors, main.Warnings));
        result = result with { Main = main.Value.ToOption() };
        var strict = main.Value.Match(Succ: m => m.Main.StrictPermissions, Fail: _ => false);
        return FilePermissions.Guard(result, strict,
            Seqs.Join(mainConfigPath.Cons(lbDir.Map(d => d.Item1).ToSeq()), result.LbFiles));
    }

    static LoadResult LoadLbs(string mainPath, ReadResult<PositionedMain> main, string dir,
        SourcePosition dirAt, string? hostsOverride) =>
        ConfigFiles.LbFiles(dir, mainPath, dirAt).Match(
            Succ: paths =>
            {
                var lbs = paths.Map(path => ConfigFiles.ReadText(path).Match(
                    Succ: text => LbConfigReader.ReadPositioned(path, text),
                    Fail: es => new ReadResult<PositionedLb>(es, Empty)));
                var combined = ConfigurationRules.Combine(mainPath, main, lbs);
                return new LoadResult(
                    combined.Value.Map(c => c with { Main = Localize(c.Main, hostsOverride) }),
                    combined.Warnings)
                {
                    LbFiles = paths,
                    Lbs = lbs.Bind(lb => lb.Value.ToOption().ToSeq()),
                };
            },
            Fail: es => new LoadResult(Seqs.Join(main.Errors, es), main.Warnings));

    static MainConfig Localize(MainConfig main, string? hostsOverride) =>
        main with
        {
            NodeName = main.NodeName.IfNone(Environment.MachineName),
            HostsFile = hostsOverride ?? main.HostsFile,
        };
}
