using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Redirector.EndToEnd.Support;

/// <summary>A small HTTP/1.1 backend on loopback, optionally over TLS: records each request
/// and answers with the current <see cref="Reply"/> (changeable while it runs), then closes
/// the connection. Enough for health checks; not a general server.</summary>
public sealed class LoopbackHttpServer(
    string address = "127.0.0.1", int port = 0, X509Certificate2? certificate = null)
    : LoopbackServer(address, port)
{
    const int MaxHead = 64 * 1024;
    static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    volatile HttpReply reply = HttpReply.Ok();

    public HttpReply Reply { get => reply; set => reply = value; }
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static LoopbackHttpServer Started(
        HttpReply? reply = null, string address = "127.0.0.1", X509Certificate2? certificate = null)
    {
        var server = new LoopbackHttpServer(address, 0, certificate)
        {
            Reply = reply ?? HttpReply.Ok(),
        };
        server.Start();
        return server;
    }

    public static IReadOnlyList<LoopbackHttpServer> StartMany(params string[] addresses) =>
        StartMany((a, p) => new LoopbackHttpServer(a, p), addresses);

    protected override async Task HandleAsync(TcpClient client, CancellationToken ct)
    {
        Stream stream = client.GetStream();
        string? serverName = null;
        if (certificate is not null)
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = certificate }, ct);
            serverName = tls.TargetHostName;
            stream = tls;
        }
        await using (stream)
        {
            var head = await ReadHeadAsync(stream, ct);
            if (head is null) return;
            var request = Parse(head, serverName);
            Requests.Enqueue(request);
            var answer = Reply;
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, ct);
            await stream.WriteAsync(Head(answer), ct);
            if (request.Method != "HEAD") await stream.WriteAsync(answer.Body, ct);
            await stream.FlushAsync(ct);
        }
    }

    static byte[] Head(HttpReply answer)
    {
        var text = new StringBuilder($"HTTP/1.1 {answer.Status} Status{answer.Status}\r\n")
            .Append($"Content-Length: {answer.Body.Length}\r\nConnection: close\r\n");
        foreach (var line in answer.Headers) text.Append(line).Append("\r\n");
        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }

    static async Task<string?> ReadHeadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxHead];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) return null;
            length += read;
            var end = buffer.AsSpan(0, length).IndexOf(EndOfHead);
            if (end >= 0) return Encoding.Latin1.GetString(buffer, 0, end);
        }
        return null;
    }

    static RecordedRequest Parse(string head, string? serverName)
    {
        var lines = head.Split("\r\n");
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new RecordedRequest(start[0], start.Length > 1 ? start[1] : "", headers, serverName);
    }
}
