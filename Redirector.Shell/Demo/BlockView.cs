using Redirector.Domain.Hosts;

namespace Redirector.Shell.Demo;

/// <summary>What the demo shows of the hosts file: the managed block's lines and the address
/// it gives the demo's name. Read as any program would read the file, from outside the
/// daemon.</summary>
sealed record BlockView(IReadOnlyList<string> Lines, string? Address)
{
    public static BlockView Read(string hostsPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(hostsPath);
        }
        catch (IOException)
        {
            return new BlockView([], null);
        }
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var begin = lines.IndexOf(Markers.Begin);
        var end = lines.IndexOf(Markers.End);
        var block = begin >= 0 && end > begin ? lines.GetRange(begin, end - begin + 1) : [];
        var address = HostsDocument.Parse(text).Match(
            Right: doc => doc.Entries.Find(e => e.Name.Value == DemoFiles.LocalHost)
                .Map(e => e.Address.Value).IfNone(""),
            Left: _ => "");
        return new BlockView(block, address.Length == 0 ? null : address);
    }
}
