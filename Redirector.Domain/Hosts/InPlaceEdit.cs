namespace Redirector.Domain.Hosts;

/// <summary>How to turn a file's text into another by writing over it where it cannot be
/// replaced by rename (a bind-mounted file): one write of <see cref="Bytes"/> at
/// <see cref="Offset"/>, then a truncate to <see cref="Length"/>. Texts are Latin-1, one char
/// a byte. The write starts at the first byte that differs, so a prefix that stays is never
/// touched. A shorter text is written followed by spaces up to the old length: were the write
/// to land and the truncate not (a crash), the old tail would otherwise stay after the new
/// text, and with it possibly the old END marker. Spaces at the end of the last line change
/// no hosts entry and no marker (a marker line may carry blanks around it).</summary>
public sealed record InPlaceEdit(int Offset, string Bytes, int Length)
{
    public static InPlaceEdit Between(string current, string next)
    {
        var offset = current.AsSpan().CommonPrefixLength(next);
        var padding = Math.Max(0, current.Length - next.Length);
        return new InPlaceEdit(offset, string.Concat(next.AsSpan(offset), new string(' ', padding)),
            next.Length);
    }

    /// <summary>The text after the write and before the truncate.</summary>
    public string Written(string current) =>
        string.Concat(current.AsSpan(0, Offset), Bytes,
            current.AsSpan(Math.Min(current.Length, Offset + Bytes.Length)));

    /// <summary>The text once both steps are done.</summary>
    public string Finished(string current) => Written(current)[..Length];

    /// <summary>Whether the file must grow: space is reserved before anything changes.</summary>
    public bool Grows(string current) => Offset + Bytes.Length > current.Length;
}
