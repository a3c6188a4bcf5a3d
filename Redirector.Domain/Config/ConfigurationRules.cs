using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Rules that span files: LB names unique, and every hosts-file name (local_host and
/// aliases) owned by one LB only; no LB at all is a warning (a freshly installed package has
/// none yet: the daemon runs, writes nothing, and a reload picks up the first file). Names
/// compare without case, as DNS does.</summary>
public static class ConfigurationRules
{
    /// <param name="mainFile">Shown in errors about the LB directory as a whole.</param>
    /// <param name="lbFiles">Every LB file, in the order read (ordinal file name order).</param>
    public static ReadResult<Configuration> Combine(
        string mainFile, ReadResult<PositionedMain> main, Seq<ReadResult<PositionedLb>> lbFiles)
    {
        var warnings = Seqs.Join(main.Warnings, lbFiles.Bind(f => f.Warnings),
            NoLbs(mainFile, main, lbFiles));
        var read = lbFiles.Bind(f => f.Value.ToSeq());
        var crossFile = Seqs.Join(DuplicateNames(read), DuplicateHosts(read));
        var errors = Seqs.Join(main.Errors, lbFiles.Bind(f => f.Errors), crossFile);
        var config = errors.IsEmpty
            ? main.Value.Map(m => new Configuration(m.Main,
                toMap(read.Map(p => (p.Lb.Name, p.Lb)))))
            : Fail<ConfigError, Configuration>(errors);
        return new ReadResult<Configuration>(config, warnings);
    }

    static Seq<ConfigError> NoLbs(
        string mainFile, ReadResult<PositionedMain> main, Seq<ReadResult<PositionedLb>> lbFiles) =>
        lbFiles.IsEmpty
            ? main.Value.Match(
                Succ: m => Seq1(new ConfigError(mainFile, m.LbConfigsDirAt.Line,
                    m.LbConfigsDirAt.Column, "lb_configs_dir",
                    $"no load balancer files (*.yml, *.yaml) in {m.Main.LbConfigsDir}; " +
                    "nothing is written until one is added")),
                Fail: _ => Seq<ConfigError>())
            : Empty;

    static Seq<ConfigError> DuplicateNames(Seq<PositionedLb> lbs)
    {
        var all = lbs.ToArray();
        var errors = new List<ConfigError>();
        for (var i = 0; i < all.Length; i++)
        {
            var p = all[i];
            var earlier = all.Take(i).FirstOrDefault(e => SameName(e.Lb.Name, p.Lb.Name));
            if (earlier is null) continue;
            errors.Add(new ConfigError(p.Lb.SourceFile, p.NameAt.Line, p.NameAt.Column, "name",
                $"'{Field.Shown(p.Lb.Name)}' is already the name of the load balancer " +
                $"in {earlier.Lb.SourceFile}; names must be unique"));
        }
        return toSeq(errors);
    }

    sealed record HostUse(PositionedLb Owner, string Host, SourcePosition At, string Field);

    static Seq<ConfigError> DuplicateHosts(Seq<PositionedLb> lbs)
    {
        var uses = new List<HostUse>();
        foreach (var p in lbs)
        {
            var names = new[] { p.Lb.LocalHost }.Concat(p.Lb.Aliases).ToArray();
            for (var i = 0; i < names.Length && i < p.NamesAt.Count; i++)
                uses.Add(new HostUse(p, names[i].Value, p.NamesAt[i],
                    p.Lb.Aliases.IsEmpty ? "local_host" : $"local_host[{i}]"));
        }
        var errors = new List<ConfigError>();
        for (var i = 0; i < uses.Count; i++)
        {
            var use = uses[i];
            var earlier = uses.Take(i).FirstOrDefault(e => SameName(e.Host, use.Host));
            if (earlier is null) continue;
            errors.Add(new ConfigError(use.Owner.Lb.SourceFile, use.At.Line, use.At.Column,
                use.Field, ReferenceEquals(earlier.Owner, use.Owner)
                    ? $"'{use.Host}' is listed twice"
                    : $"'{use.Host}' is already a local_host of load balancer " +
                      $"'{Field.Shown(earlier.Owner.Lb.Name)}' ({earlier.Owner.Lb.SourceFile})"));
        }
        return toSeq(errors);
    }

    static bool SameName(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
