using LanguageExt;

namespace Redirector.Domain.Hosts;

/// <summary>One line of the managed block: an address, the name it answers for, aliases.</summary>
public sealed record HostsEntry(IpLiteral Address, HostName Name, Seq<HostName> Aliases)
{
    public Seq<HostName> Names => Name.Cons(Aliases);
}
