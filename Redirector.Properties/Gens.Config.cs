using System.Net;
using FsCheck;
using FsCheck.Fluent;
using LanguageExt;
using Redirector.Domain.Config;
using HostName = Redirector.Domain.Hosts.HostName;
using Redirector.Properties.Config;
using static LanguageExt.Prelude;

namespace Redirector.Properties;

/// <summary>Generators of valid configs, shaped so that every value they produce is known to
/// be accepted: the expected outcome of reading one back is the value itself.</summary>
public static partial class Gens
{
    const string Lower = "abcdefghijklmnopqrstuvwxyz";
    const string ConfigAlnum = Lower + "0123456789";

    static Gen<string> Word(string alphabet, int min, int max) =>
        from n in Gen.Choose(min, max)
        from cs in Gen.Elements(alphabet.ToCharArray()).ArrayOf(n)
        select new string(cs);

    static Gen<string> DnsLabel =>
        from first in Word(Lower, 1, 1)
        from middle in Word(ConfigAlnum + "-", 0, 10)
        from last in Word(ConfigAlnum, 1, 1)
        select middle.Length == 0 ? first : first + middle + last;

    public static Gen<HostName> ConfigHostName =>
        from labels in DnsLabel.ArrayOf().Select(a => a.Take(4).ToArray())
        from tld in DnsLabel
        select HostName.Create(string.Join('.', labels.Append(tld)))
            .Match(Succ: h => h, Fail: e => throw new InvalidOperationException(e.Head));

    public static Gen<string> ConfigIpLiteral =>
        Gen.OneOf(
            from b in Gen.Choose(0, 255).ArrayOf(4) select string.Join('.', b),
            from b in Gen.Choose(0, 255).ArrayOf(16)
            select new IPAddress(b.Select(x => (byte)x).ToArray()).ToString());

    public static Gen<Backend> ConfigBackend =>
        from host in Gen.OneOf(ConfigIpLiteral, ConfigHostName.Select(h => h.Value))
        from priority in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-5, 100)))
        select new Backend(host, priority);

    public static Gen<Strategy> ConfigStrategy =>
        Gen.OneOf(
            Gen.Constant<Strategy>(new Strategy.Sequential()),
            Gen.Constant<Strategy>(new Strategy.Random()),
            Gen.Constant<Strategy>(new Strategy.Priority()),
            Gen.Constant<Strategy>(new Strategy.Hash()),
            from ratio in Gen.Choose(0, 100)
            from ms in Gen.Choose(0, 1000)
            select (Strategy)new Strategy.Latency(ratio / 100.0, ms / 10.0));

    static Gen<TimeSpan> ConfigSeconds =>
        Gen.Frequency(
            (2, Gen.Choose(1, 60).Select(s => TimeSpan.FromSeconds(s))),
            (1, Gen.Choose(1, 600_000).Select(ms => TimeSpan.FromMilliseconds(ms))));

    public static Gen<HealthCheck> ConfigTcpCheck =>
        from period in ConfigSeconds
        from rise in Gen.Choose(1, 5)
        from fall in Gen.Choose(1, 5)
        from port in Gen.Choose(1, 65535)
        from timeout in ConfigSeconds
        from fast in Gen.Frequency(
            (2, Gen.Constant(Option<TimeSpan>.None)),
            (1, Gen.Choose(1, (int)period.TotalMilliseconds)
                .Select(ms => Some(TimeSpan.FromMilliseconds(ms)))))
        from watch in Gen.Elements(true, false)
        select (HealthCheck)new HealthCheck.Tcp(period, rise, fall, port, timeout)
        {
            FastIntervalSetting = fast, Watch = watch,
        };

    static Gen<(string, string)> ConfigHeader =>
        from name in Gen.Elements("Accept", "Host", "Authorization", "X-Probe", "User-Agent")
        from value in Word(ConfigAlnum + " /.:-=", 0, 20)
        select (name, value);

    public static Gen<HealthCheck> ConfigHttpCheck =>
        from tcp in ConfigTcpCheck
        from method in Gen.Elements(Enum.GetValues<HttpMethodName>())
        from headers in ConfigHeader.ArrayOf().Select(hs => toSeq(hs.DistinctBy(h => h.Item1)))
        from scheme in Gen.Elements(HttpScheme.Http, HttpScheme.Https)
        from path in Word(ConfigAlnum + "/_-.", 0, 20).Select(p => "/" + p)
        from query in Gen.Elements(Option<string>.None, Some("local=true"), Some("a=1&b=2"))
        from caCerts in Gen.Elements(Option<string>.None, Some("/etc/ssl/ca.pem"))
        from status in Gen.Elements("200", "^2", "200|429", @"^2\d\d$").Select(Some.Pattern)
        from response in Gen.Elements(Option<string>.None, Some("ready"),
            Some("\"status\":\"ok\""), Some("(?P<w>ok) (?P=w)")).Select(r => r.Map(Some.Pattern))
        from encoding in Gen.Elements("utf-8", "ascii", "latin-1", "utf-16")
        from insecure in Gen.Elements(true, false)
        from maxBody in Gen.Frequency((2, Gen.Constant(65536)), (1, Gen.Choose(1, 1 << 20)))
        select (HealthCheck)new HealthCheck.Http(tcp.Period, tcp.Rise, tcp.Fall, tcp.Port,
            tcp.Timeout, method, headers, scheme, path, query, caCerts, status, response,
            encoding, insecure, maxBody)
        {
            FastIntervalSetting = tcp.FastIntervalSetting, Watch = tcp.Watch,
        };

    public static Gen<LbConfig> ConfigLb(string sourceFile) =>
        from name in Word(ConfigAlnum + " _-", 1, 20).Where(n => n.Trim().Length > 0)
        from names in ConfigHostName.ArrayOf().Select(a => a.Take(3).ToArray())
        from localHost in ConfigHostName
        from backends in ConfigBackend.NonEmptyListOf().Select(b => toSeq(b.Take(6)))
        from strategy in ConfigStrategy
        from check in Gen.OneOf(ConfigTcpCheck, ConfigHttpCheck)
        from onAllDown in Gen.Elements(OnAllDown.Keep, OnAllDown.Remove)
        let aliases = toSeq(names
            .Where(a => a.Value != localHost.Value).DistinctBy(a => a.Value))
        select new LbConfig(name, sourceFile, localHost, aliases, backends, strategy, check,
            onAllDown);

    public static Gen<LbStyle> ConfigLbStyle =>
        from defaults in Gen.Elements(true, false)
        from hostList in Gen.Elements(true, false)
        from mappings in Gen.Elements(true, false)
        from headerList in Gen.Elements(true, false)
        select new LbStyle(defaults, hostList, mappings, headerList);

    /// <summary>A valid LB file as written by a user: its record, and its text.</summary>
    public static Gen<(LbConfig Lb, YamlTree Yaml)> ConfigLbFile =>
        from lb in ConfigLb("lb.yml")
        from style in ConfigLbStyle
        select (lb, LbYaml.Tree(lb, style));

    static Gen<Option<string>> Maybe(Gen<string> gen) =>
        Gen.Frequency(
            (1, Gen.Constant(Option<string>.None)),
            (2, gen.Select(x => Option<string>.Some(x))));

    static Gen<string> ConfigPath => Word(ConfigAlnum + "_-", 1, 12).Select(w => "/var/lib/" + w);

    /// <summary>A main config and how it is written; lb_configs_dir is relative half the time,
    /// so the expected value is resolved against <paramref name="mainFileDir"/>.</summary>
    public static Gen<(MainConfig Main, YamlTree Yaml)> ConfigMainFile(string mainFileDir) =>
        from level in Gen.Elements(Enum.GetValues<LogLevelName>())
        from format in Word(ConfigAlnum + " %()s:-", 1, 30)
        from logFile in Maybe(ConfigPath)
        from maxBytes in Gen.Choose(0, int.MaxValue).Select(n => (long)n * 3)
        from backups in Gen.Choose(0, 50)
        from dir in Gen.OneOf(Word(ConfigAlnum + "_-", 1, 10), ConfigPath)
        from persist in Gen.Elements(true, false)
        from pid in Maybe(ConfigPath)
        from hosts in ConfigPath
        from node in Maybe(Word(ConfigAlnum + "-._", 1, 20))
        from metrics in Maybe(Gen.Elements("127.0.0.1:9464", "[::1]:9100", "localhost:8080"))
        select (
            new MainConfig(level, format, logFile, maxBytes, backups,
                Path.Combine(mainFileDir, dir), persist, pid, hosts, node, metrics),
            MainYaml.Tree(level, format, logFile, maxBytes, backups, dir, persist, pid, hosts,
                node, metrics));
}
