namespace Redirector.Shell.Probing;

/// <summary>How a watch ended: what its set reports for it.</summary>
enum WatchEnd
{
    /// <summary>Stopped by the daemon: nothing to report.</summary>
    Silent,

    /// <summary>An established connection ended (<c>WatchLost</c>).</summary>
    Lost,

    /// <summary>The connection could not be made (<c>WatchFailed</c>).</summary>
    Failed,
}
