namespace Redirector.EndToEnd.Support;

/// <summary>A request as a <see cref="LoopbackHttpServer"/> received it. ServerName is the TLS
/// SNI name (null over plain HTTP). Header names are case-insensitive.</summary>
public sealed record RecordedRequest(
    string Method, string Target, IReadOnlyDictionary<string, string> Headers, string? ServerName)
{
    public string Path => Target.Split('?', 2)[0];
    public string Query => Target.Contains('?') ? Target.Split('?', 2)[1] : "";
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
