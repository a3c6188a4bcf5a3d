using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Redirector.Failover;

/// <summary>The hidden <c>--serve tcp|http ADDRESS PORT [--standby]</c> mode: this binary as a
/// backend process of its own, so a scenario can SIGKILL it or let it exit as a real server
/// does. It keeps every connection open until the client closes it (TCP: accept and hold;
/// HTTP: 200 to each request, keep-alive unless the request asks to close). It prints
/// "listening" once bound, "+" and "-" as connections open and close, so the benchmark sees
/// which connections are held. With --standby it binds only after reading "listen" on stdin
/// (a restart that is already loaded). SIGTERM closes the listener and every connection
/// (FIN) and exits 0; so does the end of stdin (the benchmark is gone).</summary>
static class ServeMode
{
    // Bounds the life of a server the benchmark forgot; no run comes near it.
    static readonly TimeSpan MaxLife = TimeSpan.FromHours(1);

    public static int Run(string[] args)
    {
        if (args.Length < 3 || !Enum.TryParse<Protocol>(args[0], ignoreCase: true, out var protocol))
        {
            Console.Error.WriteLine("usage: --serve tcp|http ADDRESS PORT [--standby]");
            return 2;
        }
        var endPoint = new IPEndPoint(IPAddress.Parse(args[1]), int.Parse(args[2]));
        if (!IPAddress.IsLoopback(endPoint.Address))
        {
            Console.Error.WriteLine($"{endPoint.Address} is not a loopback address");
            return 2;
        }
        if (args.Contains("--standby") && Console.ReadLine() != "listen") return 0;
        using var stop = new ManualResetEventSlim();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Set();
        });
        new Thread(() =>
        {
            while (Console.ReadLine() is not null)
            {
            }
            stop.Set();
        }) { IsBackground = true, Name = "stdin" }.Start();
        var server = new HeldConnections(protocol);
        using var listener =
            new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endPoint);
        listener.Listen(4096);
        Console.WriteLine("listening");
        _ = server.AcceptAsync(listener);
        stop.Wait(MaxLife);
        listener.Dispose();
        server.CloseAll();
        Console.WriteLine("closed");
        return 0;
    }
}
