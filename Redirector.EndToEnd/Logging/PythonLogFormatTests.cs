using Redirector.Shell.Observing;

namespace Redirector.EndToEnd.Logging;

public class PythonLogFormatTests
{
    [Theory]
    [InlineData("%(asctime)s :: %(levelname)s :: %(message)s",
        "{Timestamp:yyyy-MM-dd HH:mm:ss,fff} :: {levelname} :: {Message:lj}")]
    [InlineData("%(levelname)-8s %(name)s: %(message)s", "{levelname,-8} {name}: {Message:lj}")]
    [InlineData("[%(process)d] %(levelno)5d %(message)s", "[{process}] {levelno,5} {Message:lj}")]
    [InlineData("100%% {json} %(message)s", "100% {{json}} {Message:lj}")]
    [InlineData("%(funcName)s %(message)s", "%(funcName)s {Message:lj}")]
    [InlineData("%(asctime)-25s|%(message)s",
        "{Timestamp,-25:yyyy-MM-dd HH:mm:ss,fff}|{Message:lj}")]
    public void Python_tokens_become_serilog_properties(string format, string template) =>
        Assert.Equal(template, PythonLogFormat.ToTemplate(format));

    [Theory]
    [InlineData("%(asctime)s :: %(levelname)s :: %(message)s", "%(levelname)s :: %(message)s")]
    [InlineData("%(levelname)s %(message)s @ %(asctime)s", "%(levelname)s %(message)s")]
    [InlineData("%(levelname)s [%(asctime)s] %(message)s", "%(levelname)s [] %(message)s")]
    [InlineData("%(asctime)s", "%(message)s")]
    [InlineData("%(message)s", "%(message)s")]
    public void Under_journald_the_timestamp_and_its_separator_go(string format, string expected) =>
        Assert.Equal(expected, PythonLogFormat.WithoutTime(format));
}
