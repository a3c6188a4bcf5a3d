namespace Redirector.Failover;

/// <summary>The managed block's markers, as DESIGN.md fixes them (the original's).</summary>
static class Markers
{
    public const string Begin = "# BEGIN REDIRECTOR MANAGED BLOCK";
    public const string End = "# END REDIRECTOR MANAGED BLOCK";
}
