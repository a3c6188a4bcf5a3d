using LanguageExt;
using Redirector.Domain.Hosts;

namespace Redirector.Properties.Hosts;

/// <summary>A generated hosts text with one well-formed block: Before and After are
/// marker-free and are the bytes that every edit must keep.</summary>
public sealed record HostsWithBlock(
    string Before, string Block, string After, Seq<HostsEntry> Entries)
{
    public string Text => Before + Block + After;

    public override string ToString() => $"Text = {Shown.Text(Text)}";
}
