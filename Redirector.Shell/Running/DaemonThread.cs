namespace Redirector.Shell.Running;

/// <summary>Runs the daemon's loop on a thread of its own (see <see cref="Doorbell"/>).</summary>
static class DaemonThread
{
    public static Task Run(Action loop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                loop();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = "daemon" }.Start();
        return done.Task;
    }
}
