using System.Diagnostics;
using System.Globalization;

namespace Redirector.Shell.Commands.Demo;

/// <summary>The demo's own lines on stdout, each stamped with the seconds since it began. A
/// block is written in one call, so a daemon log line cannot land inside it.</summary>
sealed class DemoOutput
{
    readonly Stopwatch clock = Stopwatch.StartNew();

    public void Line(string text) =>
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{clock.Elapsed.TotalSeconds,4:0.0} s] {text}"));

    public static void Plain(string text) => Console.Out.WriteLine(text);

    public void Block(BlockView view) =>
        Console.Out.Write(string.Create(CultureInfo.InvariantCulture,
            $"[{clock.Elapsed.TotalSeconds,4:0.0} s] managed block of the hosts file:\n") +
            string.Concat(view.Lines.Select(l => $"    {l}\n")));
}
