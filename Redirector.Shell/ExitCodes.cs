namespace Redirector.Shell;

/// <summary>DESIGN.md's exit codes; operators' scripts depend on them.</summary>
static class ExitCodes
{
    public const int Ok = 0;
    public const int Runtime = 1;
    public const int Usage = 2;
}
