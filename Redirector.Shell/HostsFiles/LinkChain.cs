namespace Redirector.Shell.HostsFiles;

/// <summary>The files a path leads to: the path itself, then, while it is a symlink, what it
/// points to (a config-management layout: /etc/hosts -> /etc/hosts.d/generated). The writer
/// writes through the links into the last one's folder, so that is where another program's
/// edits show up; a change of any link in between changes the chain.</summary>
static class LinkChain
{
    /// <summary>As the kernel's limit on links followed in one lookup.</summary>
    const int MaxHops = 40;

    /// <summary>Full paths, first the given one. A link that cannot be read, or a loop, ends
    /// the chain where it is.</summary>
    public static IReadOnlyList<string> Of(string path)
    {
        var chain = new List<string>();
        var current = Path.GetFullPath(path);
        for (var hop = 0; hop < MaxHops && !chain.Contains(current); hop++)
        {
            chain.Add(current);
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                break;
            }
            if (target is null) break;
            // A relative target is relative to the link's folder, as readlink(2) reads it.
            current = Path.GetFullPath(target, Path.GetDirectoryName(current) ?? "/");
        }
        return chain;
    }
}
