using Redirector.Domain.Hosts;
using Redirector.Shell.HostsFiles;

namespace Redirector.Shell.Commands.Demo;

/// <summary>What the demo shows of the hosts file: the managed block's lines and the address
/// it gives the demo's name. Read as any program would read the file, from outside the
/// daemon.</summary>
sealed record BlockView(IReadOnlyList<string> Lines, string? Address)
{
    static readonly BlockView Nothing = new([], null);

    public static BlockView Read(string hostsPath) =>
        HostsFile.TryRead(hostsPath).Match(
            Left: _ => Nothing,
            Right: text => HostsDocument.Parse(text).Match(
                Left: _ => Nothing,
                Right: doc => new BlockView(
                    doc.Block.Match(Some: b => LinesOf(text[b.Start..b.End]), None: () => []),
                    doc.Entries.Find(e => e.Name.Value == DemoFiles.LocalHost)
                        .Map(e => e.Address.Value).IfNoneUnsafe((string?)null))));

    static IReadOnlyList<string> LinesOf(string block) =>
        block.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
}
