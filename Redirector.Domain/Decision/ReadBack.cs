using LanguageExt;
using static LanguageExt.Prelude;
using Redirector.Domain.Config;
using Redirector.Domain.Hosts;

namespace Redirector.Domain.Decision;

/// <summary>The entries already in the block, so a restart resumes them. An unusable or
/// unknown hosts text gives none: the problem is reported when the core first tries to write.
/// </summary>
public sealed record ReadBack(Seq<HostsEntry> Entries)
{
    public static ReadBack Of(string hostsText) =>
        new(HostsDocument.Parse(hostsText).Match(Right: d => d.Entries, Left: _ => Empty));

    public static ReadBack Of(HostsView view) => view switch
    {
        HostsView.Agrees a => new(a.Document.Entries),
        HostsView.Writing w => new(w.Next.Entries),
        HostsView.Unchecked u => Of(u.Text),
        HostsView.Unusable u => Of(u.Text),
        _ => new(Empty),
    };

    public Option<IpLiteral> AddressOf(LbConfig lb) =>
        Entries.Find(e => string.Equals(e.Name.Value, lb.LocalHost.Value,
                StringComparison.OrdinalIgnoreCase))
            .Map(e => e.Address);
}
