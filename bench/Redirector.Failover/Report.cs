using System.Globalization;

namespace Redirector.Failover;

/// <summary>Collects figures as they are measured, echoes each at once (a long run shows
/// progress) and prints them all as one Markdown table at the end.</summary>
sealed class Report
{
    readonly List<Row> rows = new();
    readonly List<string> notes = new();

    public void Add(Row row)
    {
        rows.Add(row);
        Console.WriteLine($"  [{row.Build}] {row.Scenario} {row.Metric}: {row.Figure} " +
                          $"{row.Verdict.Target} {row.Verdict.Mark}".TrimEnd());
    }

    public void Timing(string build, string scenario, string metric, Summary s,
        Verdict verdict) =>
        Add(new Row(build, scenario, metric,
            s.Count == 0 ? "no sample"
                : $"median {F(s.Median)} ms, min {F(s.Min)}, max {F(s.Max)} (n={s.Count})",
            verdict));

    public void Note(string text)
    {
        notes.Add(text);
        Console.WriteLine($"  note: {text}");
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| build | scenario | metric | figure | target | verdict |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
            output.WriteLine($"| {r.Build} | {r.Scenario} | {r.Metric} | {r.Figure} | " +
                             $"{r.Verdict.Target} | {r.Verdict.Mark} |");
        if (notes.Count == 0) return;
        output.WriteLine();
        foreach (var n in notes) output.WriteLine($"- {n}");
    }

    public static string F(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
