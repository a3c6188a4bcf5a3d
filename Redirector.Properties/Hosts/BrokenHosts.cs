namespace Redirector.Properties.Hosts;

/// <summary>A generated hosts text with broken markers or a bad line in the block, and the
/// error it must give: its case, its line and (for a second BEGIN) the first BEGIN's line.</summary>
public sealed record BrokenHosts(string Text, Type Error, int Line, int FirstLine)
{
    public override string ToString() =>
        $"{Error.Name} at line {Line} (first {FirstLine}) in {Shown.Text(Text)}";
}
