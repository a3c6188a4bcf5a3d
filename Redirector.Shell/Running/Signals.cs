using System.Runtime.InteropServices;

namespace Redirector.Shell.Running;

/// <summary>SIGTERM and SIGINT ask for a stop, SIGHUP for a reload; the runtime's own handling
/// (ending the process) is cancelled so the daemon stops cleanly.</summary>
static class Signals
{
    public static IDisposable Register(Action stop, Action reload)
    {
        void Stop(PosixSignalContext c)
        {
            c.Cancel = true;
            stop();
        }
        var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
        {
            c.Cancel = true;
            reload();
        });
        return new Registrations(term, interrupt, hangup);
    }

    sealed class Registrations(params IDisposable[] all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in all) r.Dispose();
        }
    }
}
