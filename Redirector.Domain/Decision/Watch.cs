using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Decision;

/// <summary>One backend's watch connection: its phase, how many connections in a row ended
/// quickly or could not be opened, and when the last one was asked for (at most one per period).
/// </summary>
public sealed record Watch(WatchPhase Phase, int Strikes, Option<long> LastOpen)
{
    public static readonly Watch Closed = new(new WatchPhase.Closed(), 0, None);

    /// <summary>Strikes in a row that make a backend not watchable.</summary>
    public const int StrikesAllowed = 3;

    /// <summary>A connection that lived less than this ended quickly (a strike).</summary>
    public const long QuickMs = 30_000;

    /// <summary>How long a backend stays not watchable before one more try.</summary>
    public const long PauseMs = 600_000;
}
