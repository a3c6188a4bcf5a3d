namespace Redirector.EndToEnd.Support;

/// <summary>A fact that needs root and unshare(1) (private mount namespaces, bind mounts);
/// skipped with that reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root" && !IsRoot())
            Skip = "needs root (bind mount inside unshare -m); run the tests as root to cover it";
        else if (!File.Exists("/usr/bin/unshare") && !File.Exists("/bin/unshare"))
            Skip = "needs unshare(1) from util-linux";
    }

    static bool IsRoot() =>
        File.ReadLines("/proc/self/status")
            .FirstOrDefault(l => l.StartsWith("Uid:"))?.Split('\t', ' ',
                StringSplitOptions.RemoveEmptyEntries) is [_, "0", ..];
}
