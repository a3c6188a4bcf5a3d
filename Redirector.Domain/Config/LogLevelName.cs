namespace Redirector.Domain.Config;

/// <summary>The original's Python logging levels.</summary>
public enum LogLevelName { Critical, Error, Warning, Info, Debug, NotSet }
