namespace Redirector.Failover;

/// <summary>The redirector-shell build under test: a framework-dependent dll (run with
/// <c>dotnet</c>, the JIT build) or a native executable (the Native AOT build).</summary>
sealed record ShellBinary(string Label, string Path)
{
    public bool IsDll => Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    /// <summary>"label=path" or just "path"; the label defaults to JIT for a dll, else AOT.</summary>
    public static ShellBinary Parse(string text)
    {
        var equals = text.IndexOf('=');
        var path = System.IO.Path.GetFullPath(equals > 0 ? text[(equals + 1)..] : text);
        if (!File.Exists(path)) throw new ArgumentException($"--shell: {path} does not exist");
        var isDll = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var label = equals > 0 ? text[..equals] : isDll ? "JIT" : "AOT";
        return new ShellBinary(label, path);
    }

    public (string FileName, IReadOnlyList<string> Prefix) Command =>
        IsDll ? ("dotnet", new[] { Path }) : (Path, Array.Empty<string>());
}
