namespace Redirector.Domain.Config;

/// <summary>The main config as read, with where lb_configs_dir was given (None when it is the
/// default), so that a missing directory is reported at the line that named it.</summary>
public sealed record PositionedMain(MainConfig Main, SourcePosition LbConfigsDirAt);
