using LanguageExt;

namespace Redirector.Domain.Config;

/// <summary>The main config as read, with where lb_configs_dir was given (None when it is the
/// default), so that a missing directory is reported at the line that named it, and where the
/// value of every key given sits, for the shell's checks of the paths it names (the shell
/// looks at the disk; the reader only knows the text).</summary>
public sealed record PositionedMain(
    MainConfig Main, SourcePosition LbConfigsDirAt, Map<string, SourcePosition> ValuesAt)
{
    /// <summary>Where <paramref name="key"/>'s value is; None for a default.</summary>
    public SourcePosition At(string key) => ValuesAt.Find(key).IfNone(SourcePosition.None);
}
