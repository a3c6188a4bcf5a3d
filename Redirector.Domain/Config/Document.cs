using LanguageExt;
using YamlDotNet.RepresentationModel;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>The top level of a config file: a mapping of keys to values, or nothing at all
/// (an empty file, or only comments).</summary>
static class Document
{
    public static Validation<ConfigError, Option<Section>> Read(string file, string text) =>
        YamlText.Root(file, text).Bind(root => root.Match(
            Some: node => node is YamlMappingNode map
                ? Success<ConfigError, Option<Section>>(Some(new Section(file, "", map)))
                : Fail<ConfigError, Option<Section>>(new ConfigError(file,
                    (int)node.Start.Line, (int)node.Start.Column, "",
                    $"expected a mapping of keys to values at the top of the file, " +
                    $"got {Scalars.KindOf(node)}")),
            None: () => Success<ConfigError, Option<Section>>(None)));
}
