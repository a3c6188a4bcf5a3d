using LanguageExt;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>Reads <c>local_host</c>: one name, or a list whose first entry is the name and the
/// rest aliases. Each must be a valid host name, since it is written into the hosts file.</summary>
static class LocalHostReader
{
    public static Validation<ConfigError, Seq<(HostName Name, SourcePosition At)>> Read(Field f) =>
        f.Node is YamlDotNet.RepresentationModel.YamlSequenceNode
            ? f.List().Bind(items => items.IsEmpty
                ? f.Fail<Seq<(HostName, SourcePosition)>>("must name at least one host")
                : items.Map(One).Sequence())
            : One(f).Map(name => Seq1(name));

    static Validation<ConfigError, (HostName, SourcePosition)> One(Field f) =>
        f.Text().Bind(text => HostName.Create(text)
            .MapFail(f.Error)
            .Map(name => (name, f.At)));
}
