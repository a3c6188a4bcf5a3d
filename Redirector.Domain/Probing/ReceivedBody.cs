namespace Redirector.Domain.Probing;

/// <summary>The start of a response body as a probe read it: its text, decoded with the
/// check's encoding, and how many bytes were read (at most max_body_bytes).</summary>
public sealed record ReceivedBody(string Text, int Bytes);
