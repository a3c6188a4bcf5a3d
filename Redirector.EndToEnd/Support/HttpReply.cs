namespace Redirector.EndToEnd.Support;

/// <summary>What a <see cref="LoopbackHttpServer"/> answers: status, body bytes (sent as
/// they are, so tests can pick the encoding), extra header lines, and a delay before the
/// reply.</summary>
public sealed record HttpReply(
    int Status, byte[] Body, TimeSpan Delay, IReadOnlyList<string> Headers)
{
    public static HttpReply Ok(string body = "ok") => Text(200, body);

    public static HttpReply Text(int status, string body) =>
        new(status, System.Text.Encoding.UTF8.GetBytes(body), TimeSpan.Zero, []);

    public HttpReply After(TimeSpan delay) => this with { Delay = delay };

    public HttpReply WithHeader(string line) => this with { Headers = [.. Headers, line] };
}
