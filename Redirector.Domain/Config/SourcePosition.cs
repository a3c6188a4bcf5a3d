namespace Redirector.Domain.Config;

/// <summary>A 1-based line and column in a config file; line 0 means "not in the file"
/// (a default value), so errors about it name only the file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition None = new(0, 0);
}
