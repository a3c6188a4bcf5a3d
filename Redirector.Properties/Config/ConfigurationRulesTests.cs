using LanguageExt;
using Redirector.Domain.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties.Config;

public class ConfigurationRulesTests
{
    static readonly ReadResult<PositionedMain> Main =
        MainConfigReader.ReadPositioned("config.yml", "lb_configs_dir: lbs\n", "/etc/redirector");

    static ReadResult<PositionedLb> Lb(string file, string text) =>
        LbConfigReader.ReadPositioned(file, text);

    static Seq<string> Errors(params ReadResult<PositionedLb>[] lbs) =>
        ConfigurationRules.Combine("config.yml", Main, toSeq(lbs)).Errors.Map(e => e.ToString());

    [Fact]
    public void Valid_files_combine_into_lbs_keyed_by_name()
    {
        var result = ConfigurationRules.Combine("config.yml", Main,
            Seq(Lb("lbs/b.yml", Some.TcpLbYaml), Lb("lbs/a.yml", Some.HttpLbYaml)));
        var config = result.Value.Match(Succ: c => c,
            Fail: es => throw new Xunit.Sdk.XunitException(es.Head.ToString()));
        Assert.Equal(Seq("minio", "search"), config.Lbs.Keys.ToSeq());
        Assert.Equal("lbs/b.yml", config.Lbs["minio"].SourceFile);
        Assert.Equal("/etc/redirector/lbs", config.Main.LbConfigsDir);
    }

    [Fact]
    public void No_lb_files_is_a_warning_at_lb_configs_dir()
    {
        var result = ConfigurationRules.Combine("config.yml", Main, Empty);
        Assert.True(result.Value.IsSuccess);
        Assert.Equal(Seq1("config.yml:1:17: lb_configs_dir: no load balancer files " +
                          "(*.yml, *.yaml) in /etc/redirector/lbs; nothing is written until " +
                          "one is added"), result.Warnings.Map(w => w.ToString()));
    }

    [Fact]
    public void Duplicate_lb_names_name_both_files() =>
        Assert.Equal(Seq1("lbs/b.yml:1:7: name: 'minio' is already the name of the load balancer " +
                         "in lbs/a.yml; names must be unique"),
            Errors(Lb("lbs/a.yml", Some.TcpLbYaml),
                Lb("lbs/b.yml", Some.TcpLbYaml.Replace("minio.internal", "other.internal"))));

    [Fact]
    public void Lb_names_differing_only_in_case_are_duplicates() =>
        Assert.Single(Errors(Lb("a.yml", Some.TcpLbYaml), Lb("b.yml", Some.TcpLbYaml
            .Replace("name: minio", "name: MinIO").Replace("minio.internal", "b.internal"))));

    [Fact]
    public void A_local_host_used_by_two_lbs_is_an_error_naming_the_first() =>
        Assert.Equal(Seq1("lbs/b.yml:2:13: local_host: 'minio.internal' is already a local_host " +
                         "of load balancer 'minio' (lbs/a.yml)"),
            Errors(Lb("lbs/a.yml", Some.TcpLbYaml),
                Lb("lbs/b.yml", Some.TcpLbYaml.Replace("name: minio", "name: other"))));

    [Fact]
    public void An_alias_clashing_with_another_lbs_name_is_an_error_at_the_alias() =>
        Assert.Equal(Seq1("lbs/b.yml:2:31: local_host[1]: 'MINIO.internal' is already a " +
                         "local_host of load balancer 'minio' (lbs/a.yml)"),
            Errors(Lb("lbs/a.yml", Some.TcpLbYaml),
                Lb("lbs/b.yml", Some.HttpLbYaml.Replace("local_host: search.internal",
                    "local_host: [search.internal, MINIO.internal]"))));

    [Fact]
    public void A_name_listed_twice_in_one_lb_is_an_error() =>
        Assert.Equal(Seq1("a.yml:2:30: local_host[1]: 'minio.internal' is listed twice"),
            Errors(Lb("a.yml", Some.TcpLbYaml.Replace("local_host: minio.internal",
                "local_host: [minio.internal, minio.internal]"))));

    [Fact]
    public void Errors_of_every_file_are_reported_together()
    {
        var errors = Errors(
            Lb("a.yml", Some.TcpLbYaml.Replace("port: 9000", "port: 0")),
            Lb("b.yml", Some.HttpLbYaml.Replace("period: 2", "period: -2")),
            Lb("c.yml", Some.TcpLbYaml));
        Assert.Equal(Seq("a.yml", "b.yml"), errors.Map(e => e[..5]));
    }

    [Fact]
    public void Warnings_of_every_file_are_kept_when_valid()
    {
        var result = ConfigurationRules.Combine("config.yml", Main, Seq1(
            Lb("a.yml", Some.TcpLbYaml + "\nstrategi: x\n")));
        Assert.True(result.Value.IsSuccess);
        Assert.Equal(Seq1("a.yml:13:1: strategi: unknown key `strategi`, did you mean `strategy`?"),
            result.Warnings.Map(w => w.ToString()));
    }
}
