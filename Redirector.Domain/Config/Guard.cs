using LanguageExt;
using static LanguageExt.Prelude;

namespace Redirector.Domain.Config;

/// <summary>The last resort that keeps the promise "the reader never throws": a bug or a
/// library surprise becomes an error on the file instead of a stack trace.</summary>
static class Guard
{
    public static ReadResult<T> Run<T>(string file, Func<ReadResult<T>> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new ReadResult<T>(
                Fail<ConfigError, T>(new ConfigError(file, 1, 1, "",
                    $"cannot read this file ({e.GetType().Name}: {YamlText.OneLine(e.Message)})")),
                Empty);
        }
    }
}
