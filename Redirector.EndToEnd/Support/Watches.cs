using LanguageExt;
using Redirector.Domain.Config;
using Redirector.Domain.Decision;
using Redirector.Domain.Hosts;
using static LanguageExt.Prelude;

namespace Redirector.EndToEnd.Support;

/// <summary>The watch events of the tests of logs, metrics and status, fed to the folds
/// directly: "web" watches its two backends, "quiet" has <c>watch: false</c>.</summary>
public static class Watches
{
    public static readonly BackendKey One = new("web", "127.0.0.1", 9000);
    public static readonly BackendKey Two = new("web", "127.0.0.2", 9000);

    public static IpLiteral Address(string text) =>
        IpLiteral.Create(text).Match(a => a, errors => throw new ArgumentException(errors.Head));

    public static Configuration Config() => Some.Config(
        Some.Lb("web", Some.Tcp(9000), "127.0.0.1", "127.0.0.2"),
        Some.Lb("quiet", Some.Tcp(9000) with { Watch = false }, "127.0.0.3"));

    /// <summary>The core once it has read an empty hosts file and taken <see cref="Config"/>.
    /// </summary>
    public static State State() =>
        Decider.Steps(Decider.Initial(7), new Input.HostsRead(0, new HostsReading.Text("")),
            new Input.ConfigLoaded(0, Config(), 1)).State;

    /// <summary>A reload that restarted (or removed) these LBs.</summary>
    public static Effect.ConfigApplied Reloaded(
        long at, Seq<string> restarted, Seq<string> removed) =>
        new(at, Seq<string>(), restarted, Seq<string>(), removed);
}
