namespace Redirector.Domain.Config;

/// <summary>A backend as configured: an IP literal or a host name resolved at probe time,
/// and its priority for the <c>priority</c> strategy (lower wins; list order breaks ties).</summary>
public sealed record Backend(string Host, int Priority)
{
    public const int DefaultPriority = 0;
}
