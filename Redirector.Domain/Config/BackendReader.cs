using LanguageExt;
using Redirector.Domain.Hosts;
using YamlDotNet.RepresentationModel;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads <c>backend_hosts</c>: a list of IP literals or host names, each entry either
/// plain or a mapping <c>{host: ..., priority: N}</c>.</summary>
static class BackendReader
{
    internal static readonly Seq<string> EntryKeys = Seq("host", "priority");

    public static ReadResult<Seq<Backend>> Read(Field f)
    {
        var items = f.List().Bind(list => list.IsEmpty
            ? f.Fail<Seq<Field>>("must list at least one backend")
            : Success<ConfigError, Seq<Field>>(list));
        return items.Match(
            Succ: list => new ReadResult<Seq<Backend>>(
                list.Map(Entry).Sequence(),
                list.Bind(Warnings)),
            Fail: es => new ReadResult<Seq<Backend>>(es, Empty));
    }

    static Validation<ConfigError, Backend> Entry(Field f) =>
        f.Node is YamlMappingNode
            ? f.Mapping().Bind(s => (
                    s.Required("host", Host),
                    s.Optional("priority", Backend.DefaultPriority,
                        p => p.Int(int.MinValue, int.MaxValue)))
                .Apply((host, priority) => new Backend(host, priority)))
            : Host(f).Map(host => new Backend(host, Backend.DefaultPriority));

    /// <summary>An address is kept in its canonical form, a name as written.</summary>
    static Validation<ConfigError, string> Host(Field f) =>
        f.Text().Bind(text => IpLiteral.TryParse(text).Match(
            Some: ip => Success<ConfigError, string>(ip.Value),
            None: () => HostName.Create(text).Map(n => n.Value).MapFail(problem =>
                f.Error($"{problem}; a backend is an IP address or a host name"))));

    static Seq<ConfigError> Warnings(Field f) =>
        f.Node is YamlMappingNode map
            ? new Section(f.File, f.Path, map).UnknownKeys(EntryKeys)
            : Empty;
}
