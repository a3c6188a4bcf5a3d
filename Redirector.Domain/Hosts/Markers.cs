namespace Redirector.Domain.Hosts;

/// <summary>The original program's markers, so a running installation is taken over as is.</summary>
public static class Markers
{
    public const string Begin = "# BEGIN REDIRECTOR MANAGED BLOCK";
    public const string End = "# END REDIRECTOR MANAGED BLOCK";
}
