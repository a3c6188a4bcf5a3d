namespace Redirector.Domain.Config;

/// <summary>A problem in a config file, positioned for the user:
/// <c>file:line:column: field.path: message</c>. Line and column are 1-based; 0 means unknown.</summary>
public sealed record ConfigError(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Field.Length > 0 ? $"{where}: {Field}: {Message}" : $"{where}: {Message}";
    }
}
