using LanguageExt;

namespace Redirector.Domain.Config;

/// <summary>What reading a config file gives: the validated value or every error found, and
/// the warnings (unknown keys, ignored options) that do not stop the file from loading.</summary>
public sealed record ReadResult<T>(Validation<ConfigError, T> Value, Seq<ConfigError> Warnings)
{
    public ReadResult<U> Map<U>(Func<T, U> f) => new(Value.Map(f), Warnings);

    /// <summary>Errors and warnings in file order, as an editor would list them.</summary>
    public ReadResult<T> Sorted() => new(
        Value.Match(
            Succ: Validation<ConfigError, T>.Success,
            Fail: es => Validation<ConfigError, T>.Fail(InOrder(es))),
        InOrder(Warnings));

    static Seq<ConfigError> InOrder(Seq<ConfigError> es) =>
        es.OrderBy(e => (e.Line, e.Column)).ToSeq();

    public Seq<ConfigError> Errors =>
        Value.Match(Succ: _ => Seq<ConfigError>.Empty, Fail: es => es);
}
