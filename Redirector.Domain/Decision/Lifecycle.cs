namespace Redirector.Domain.Decision;

/// <summary>Where the run is. Nothing is written while Deciding (fifty LBs at start give one
/// write, not fifty); Starting: every LB has decided and the first write is under way or being
/// retried; Running: the file has held the entries once (Ready was reported).</summary>
public enum Lifecycle { Unconfigured, Deciding, Starting, Running, Stopping, Stopped }
