using System.Net;
using System.Net.Sockets;
using Redirector.Domain.Decision;

namespace Redirector.Shell.Probing;

/// <summary>One watch connection: a socket and the one <see cref="SocketAsyncEventArgs"/> that
/// carries its connect and every receive after it, so a watch costs no thread, and no task or
/// closure per event. Completions come on the socket engine's threads; they must not block.
/// The watch reports through its <see cref="WatchSet"/>, which stays silent for a watch it
/// has stopped.</summary>
sealed class Watch
{
    const int Connecting = 0, Open = 1, TimedOut = 2, Closed = 3;

    // Shared by every watch: bytes the peer sends are dropped unread, so concurrent receives
    // into it do no harm, and thousands of watches cost no buffer each.
    static readonly byte[] Sink = new byte[1024];

    static readonly EventHandler<SocketAsyncEventArgs> OnCompleted =
        (_, args) => ((Watch)args.UserToken!).Completed();

    readonly WatchSet owner;
    readonly Socket socket;
    readonly SocketAsyncEventArgs args = new();
    int state = Connecting;

    public Watch(WatchSet owner, Effect.OpenWatch open)
    {
        this.owner = owner;
        Backend = open.Backend;
        Generation = open.Generation;
        ConnectTimeout = open.ConnectTimeout;
        var address = IPAddress.Parse(open.Address.Value);
        socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        args.RemoteEndPoint = new IPEndPoint(address, open.Backend.Port);
        args.UserToken = this;
        args.Completed += OnCompleted;
    }

    public BackendKey Backend { get; }
    public int Generation { get; }
    public TimeSpan ConnectTimeout { get; }

    /// <summary>Starts the connect; its deadline is the set's to keep.</summary>
    public void Start()
    {
        try
        {
            if (!socket.ConnectAsync(args)) Connected();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException
                                      or InvalidOperationException)
        {
            // Closed by a stop before it began, or refused by the runtime at once.
            Finish(WatchEnd.Failed, e is SocketException s
                ? WatchWords.NotConnected(s.SocketErrorCode) : "could not start a connection");
        }
    }

    /// <summary>The connect's deadline passed: a connect still pending is abandoned (closing
    /// the socket completes it, aborted); one that completed meanwhile is left alone.</summary>
    public void ConnectTimedOut()
    {
        if (Interlocked.CompareExchange(ref state, TimedOut, Connecting) == Connecting)
            socket.Dispose();
    }

    /// <summary>Stopped: closes the socket; its pending operation completes, aborted, and the
    /// set, which has already forgotten it, reports nothing.</summary>
    public void Close()
    {
        Interlocked.Exchange(ref state, Closed);
        socket.Dispose();
    }

    void Completed()
    {
        if (args.LastOperation == SocketAsyncOperation.Connect) Connected();
        else if (Received()) Receive();
    }

    void Connected()
    {
        var code = args.SocketError;
        if (Interlocked.CompareExchange(ref state, Open, Connecting) != Connecting)
        {
            if (Volatile.Read(ref state) == TimedOut)
                Finish(WatchEnd.Failed, WatchWords.TimedOut(ConnectTimeout));
            else Finish(WatchEnd.Silent, "");
            return;
        }
        if (code is SocketError.ConnectionReset or SocketError.Shutdown)
        {
            // Accepted, then reset before this completion was handled (see Connector): the
            // connection was made and is already gone.
            owner.Opened(this);
            Finish(WatchEnd.Lost, WatchWords.ResetByPeer);
            return;
        }
        if (code != SocketError.Success)
        {
            Finish(WatchEnd.Failed, WatchWords.NotConnected(code));
            return;
        }
        if (!owner.Opened(this))
        {
            Finish(WatchEnd.Silent, "");
            return;
        }
        args.SetBuffer(Sink, 0, Sink.Length);
        Receive();
    }

    /// <summary>Receives until one completes later; a peer that keeps sending is read here,
    /// not by recursion.</summary>
    void Receive()
    {
        try
        {
            while (!socket.ReceiveAsync(args))
                if (!Received()) return;
        }
        catch (ObjectDisposedException)
        {
            Finish(WatchEnd.Silent, "");
        }
        catch (SocketException e)
        {
            Finish(WatchEnd.Lost, WatchWords.Lost(e.SocketErrorCode));
        }
    }

    /// <summary>True when bytes came (dropped) and the watch reads on.</summary>
    bool Received()
    {
        if (args.SocketError == SocketError.Success && args.BytesTransferred > 0) return true;
        if (Volatile.Read(ref state) == Closed) Finish(WatchEnd.Silent, "");
        else if (args.SocketError == SocketError.Success)
            Finish(WatchEnd.Lost, WatchWords.ClosedByPeer);
        else Finish(WatchEnd.Lost, WatchWords.Lost(args.SocketError));
        return false;
    }

    /// <summary>The end of this watch: reported unless it was stopped, then released.</summary>
    void Finish(WatchEnd end, string words)
    {
        owner.Ended(this, end, words);
        socket.Dispose();
        args.Dispose();
    }
}
