using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks.Sources;
using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;

namespace Redirector.Shell.Probing;

/// <summary>The TCP check of one backend written as an IP address, kept for the life of its
/// probe loop: the connect's event args and its completion are reused from probe to probe, its
/// timeout is an entry on the probe clock, not a timer and cancellation sources, and its
/// result is handed to the awaiting loop on the socket thread. Per probe only the socket and
/// the result are new. Same verdicts as <see cref="TcpProbe"/>: up once the connection is
/// established, whatever the peer does next; a name to resolve goes by <see cref="Probe"/>.
/// One probe at a time (its loop awaits each).</summary>
sealed class TcpConnectProbe : IValueTaskSource<ProbeResult>, IClockDue, IDisposable
{
    enum Phase { Idle, Connecting, TimingOut, Cancelling }

    readonly IPEndPoint endpoint;
    readonly IpLiteral address;
    readonly TimeSpan timeout;
    readonly long timeoutTicks;
    readonly ProbeClock clock;
    readonly SocketAsyncEventArgs args = new(unsafeSuppressExecutionContextFlow: true);
    // Short: ties a deadline to the connect it was set for. A deadline of an ended probe that
    // fires just as the next one starts must not end that one.
    readonly Lock gate = new();
    ManualResetValueTaskSourceCore<ProbeResult> core;
    Socket? socket;
    long started;
    long deadline;
    Phase phase;

    TcpConnectProbe(IPAddress ip, IpLiteral address, HealthCheck.Tcp check, ProbeClock clock)
    {
        endpoint = new IPEndPoint(ip, check.Port);
        (this.address, timeout, this.clock) = (address, check.Timeout, clock);
        timeoutTicks = (long)(check.Timeout.TotalSeconds * Stopwatch.Frequency);
        args.RemoteEndPoint = endpoint;
        args.UserToken = this;
        args.Completed += static (_, e) => ((TcpConnectProbe)e.UserToken!).Completed();
    }

    /// <summary>For a TCP check of a host written as an address; null otherwise.</summary>
    public static TcpConnectProbe? For(HealthCheck check, string host, ProbeClock clock)
    {
        if (check is not HealthCheck.Tcp tcp || Connector.Literal(host) is not { } ip) return null;
        var unmapped = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        return IpLiteral.TryParse(unmapped.ToString()).Case is IpLiteral literal
            ? new TcpConnectProbe(ip, literal, tcp, clock)
            : null;
    }

    /// <summary>Never throws: every failure is a down result.</summary>
    public ValueTask<ProbeResult> RunAsync()
    {
        core.Reset();
        started = Stopwatch.GetTimestamp();
        try
        {
            var next = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            long due;
            lock (gate)
            {
                (socket, phase, deadline) = (next, Phase.Connecting, started + timeoutTicks);
                due = deadline;
            }
            clock.Due(this, due);
            if (!next.ConnectAsync(args)) Completed();
        }
        catch (Exception e)
        {
            // Out of descriptors, say: a failed probe, as the general path reports it.
            Socket? made;
            lock (gate)
                (made, socket, phase) = (socket, null, Phase.Idle);
            made?.Dispose();
            core.SetResult(Down(FailureReason.Of(e)));
        }
        return new ValueTask<ProbeResult>(this, core.Version);
    }

    /// <summary>The probe clock's call at <paramref name="at"/>, possibly a deadline of a probe
    /// that has ended: only the connect it was set for is ended, and it then completes
    /// (aborted) and reports the timeout.</summary>
    public void Due(long at) => End(Phase.TimingOut, at);

    /// <summary>The loop is stopping: a connect in flight ends now, reported cancelled.</summary>
    public void Cancel() => End(Phase.Cancelling, null);

    void End(Phase how, long? at)
    {
        Socket? victim;
        lock (gate)
        {
            if (phase != Phase.Connecting || at is { } due && due != deadline) return;
            (phase, victim) = (how, socket);
        }
        victim?.Dispose();
    }

    void Completed()
    {
        Phase how;
        Socket? done;
        lock (gate)
            (how, done, socket, phase) = (phase, socket, null, Phase.Idle);
        var error = args.SocketError;
        done?.Dispose();
        core.SetResult(how switch
        {
            Phase.TimingOut => Down(FailureReason.TimedOut(timeout)),
            Phase.Cancelling => Down(Probe.Cancelled),
            // Established, then reset before this completion ran: still established
            // (Connector.ResetAfterHandshake says why these two codes tell so).
            _ when error is SocketError.Success or SocketError.ConnectionReset
                or SocketError.Shutdown => new ProbeResult.Up(address, Elapsed, "connected"),
            _ => Down(FailureReason.OfSocket(error)),
        });
    }

    TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

    ProbeResult Down(Failure failure) =>
        new ProbeResult.Down(failure, Elapsed, Prelude.Some(address));

    public ProbeResult GetResult(short token) => core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token,
        ValueTaskSourceOnCompletedFlags flags) =>
        core.OnCompleted(continuation, state, token, flags);

    public void Dispose() => args.Dispose();
}
