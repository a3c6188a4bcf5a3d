namespace Redirector.EndToEnd.Support;

/// <summary>A root fact that also needs strace(1) for fault injection (<c>-e inject=</c>);
/// skipped with the reason where it is missing (CI installs it).</summary>
public sealed class StraceFactAttribute : FactAttribute
{
    public StraceFactAttribute()
    {
        if (new RootFactAttribute().Skip is { } reason) Skip = reason;
        else if (!File.Exists("/usr/bin/strace")) Skip = "needs strace (apt-get install strace)";
    }
}
