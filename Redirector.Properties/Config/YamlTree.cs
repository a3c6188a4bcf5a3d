using System.Collections.Immutable;
using System.Text;

namespace Redirector.Properties.Config;

/// <summary>A tiny YAML model for tests: enough to render a config in block style and to
/// change or remove one value by its dotted path (<c>healthcheck.config.port</c>,
/// <c>backend_hosts[1]</c>), so a test knows exactly which field it broke.</summary>
public abstract record YamlTree
{
    public sealed record Scalar(string Text, bool Quoted) : YamlTree;
    public sealed record List(ImmutableList<YamlTree> Elements) : YamlTree;
    public sealed record Map(ImmutableList<(string Key, YamlTree Value)> Entries) : YamlTree;

    public static YamlTree Str(string text) => new Scalar(text, true);
    public static YamlTree Plain(string text) => new Scalar(text, false);
    public static YamlTree Items(params YamlTree[] items) => new List(items.ToImmutableList());
    public static YamlTree Keys(params (string, YamlTree)[] entries) =>
        new Map(entries.ToImmutableList());

    public string Render()
    {
        var text = new StringBuilder();
        Write(this, 0, text);
        return text.ToString();
    }

    /// <summary>Sets the value at <paramref name="path"/> (adding the last key if absent), or
    /// removes it when <paramref name="value"/> is null.</summary>
    public YamlTree With(string path, YamlTree? value) => With(Segments(path), value);

    YamlTree With(ImmutableList<string> path, YamlTree? value)
    {
        var (head, rest) = (path[0], path.RemoveAt(0));
        switch (this)
        {
            case Map map:
                var index = map.Entries.FindIndex(e => e.Key == head);
                if (rest.IsEmpty)
                    return value is null
                        ? index < 0 ? map : new Map(map.Entries.RemoveAt(index))
                        : index < 0 ? new Map(map.Entries.Add((head, value)))
                        : new Map(map.Entries.SetItem(index, (head, value)));
                if (index < 0) throw new ArgumentException($"no key {head}");
                return new Map(map.Entries.SetItem(index,
                    (head, map.Entries[index].Value.With(rest, value))));
            case List list when int.TryParse(head, out var i):
                if (rest.IsEmpty)
                    return value is null ? new List(list.Elements.RemoveAt(i))
                        : new List(list.Elements.SetItem(i, value));
                return new List(list.Elements.SetItem(i, list.Elements[i].With(rest, value)));
            default:
                throw new ArgumentException($"cannot follow {head} into {GetType().Name}");
        }
    }

    static ImmutableList<string> Segments(string path) =>
        path.Replace("[", ".").Replace("]", "").Split('.').ToImmutableList();

    static void Write(YamlTree node, int indent, StringBuilder text)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case Map { Entries.IsEmpty: true }:
                text.Append(pad).Append("{}\n");
                break;
            case Map map:
                foreach (var (key, value) in map.Entries)
                {
                    text.Append(pad).Append(Quote(key, false)).Append(':');
                    WriteValue(value, indent, text);
                }
                break;
            case List list:
                foreach (var item in list.Elements)
                {
                    text.Append(pad).Append('-');
                    if (item is Map { Entries.IsEmpty: false } m)
                    {
                        // The first key shares the dash's line; the others align with it.
                        var first = new StringBuilder();
                        Write(m, indent + 2, first);
                        text.Append(' ').Append(first.ToString()[(indent + 2)..]);
                    }
                    else WriteValue(item, indent, text);
                }
                break;
            case Scalar s:
                text.Append(pad).Append(Quote(s.Text, s.Quoted)).Append('\n');
                break;
        }
    }

    static void WriteValue(YamlTree value, int indent, StringBuilder text)
    {
        switch (value)
        {
            case Scalar s:
                text.Append(' ').Append(Quote(s.Text, s.Quoted)).Append('\n');
                break;
            case List { Elements.IsEmpty: true }:
                text.Append(" []\n");
                break;
            case Map { Entries.IsEmpty: true }:
                text.Append(" {}\n");
                break;
            default:
                text.Append('\n');
                Write(value, indent + 2, text);
                break;
        }
    }

    static string Quote(string text, bool quoted)
    {
        if (!quoted) return text;
        var escaped = new StringBuilder("\"");
        foreach (var c in text)
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        return escaped.Append('"').ToString();
    }
}
