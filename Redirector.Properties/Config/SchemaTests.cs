using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Redirector.Domain.Config;

namespace Redirector.Properties.Config;

/// <summary>The editor schemas in examples/schema agree with the readers: the same keys at
/// every level, a description for every key and a default for every optional one, and every
/// example file validates against the schema its yaml-language-server line names.</summary>
public partial class SchemaTests
{
    static readonly string Root = FindRoot();
    static readonly JsonObject Main = Load("config.schema.json");
    static readonly JsonObject Lb = Load("lb.schema.json");

    /// <summary>Where each mapping the LB reader knows sits in lb.schema.json.</summary>
    static readonly Dictionary<string, string> LbPlaces = new()
    {
        [""] = "",
        [KnownKeys.Backend] = "$defs.backendEntry",
        [KnownKeys.HealthCheck] = "$defs.healthcheck",
        [KnownKeys.TcpConfig] = "$defs.tcpConfig",
        [KnownKeys.HttpConfig] = "$defs.httpConfig",
    };

    [Fact]
    public void The_main_schema_has_exactly_the_keys_the_reader_knows() =>
        Assert.Equal(KnownKeys.Main.OrderBy(k => k), Keys(Main).OrderBy(k => k));

    [Fact]
    public void The_lb_schema_has_exactly_the_keys_the_reader_knows_at_every_level()
    {
        Assert.Equal(KnownKeys.Lb.Keys.OrderBy(k => k), LbPlaces.Keys.OrderBy(k => k));
        foreach (var (path, keys) in KnownKeys.Lb)
            Assert.Equal($"{path}: {string.Join(", ", keys.OrderBy(k => k))}",
                $"{path}: {string.Join(", ", Keys(At(Lb, LbPlaces[path])).OrderBy(k => k))}");
    }

    [Fact]
    public void Every_key_has_a_description_and_every_optional_key_a_default()
    {
        var places = LbPlaces.Values.Select(p => ("lb", At(Lb, p))).Append(("main", Main));
        foreach (var (file, place) in places)
        {
            var required = place["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
            foreach (var (key, property) in place["properties"]!.AsObject())
            {
                var schema = Resolve(file == "lb" ? Lb : Main, property!.AsObject());
                Assert.True(schema["description"] is JsonValue,
                    $"{file}: {key} has no description");
                Assert.True(required.Contains(key) || schema.ContainsKey("default"),
                    $"{file}: optional {key} has no default");
            }
        }
    }

    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "examples"), "*.yml",
                     SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_file_names_its_schema_and_validates_against_it(string relative)
    {
        var path = Path.Combine(Root, relative);
        var text = File.ReadAllText(path);
        var modeline = SchemaLine().Match(text);
        Assert.True(modeline.Success, $"{relative} has no yaml-language-server $schema line");
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!,
            modeline.Groups[1].Value));
        var expected = Path.GetFileName(path) == "config.yml" ? "config" : "lb";
        Assert.Equal(SchemaPath($"{expected}.schema.json"), schemaPath);
        Assert.Equal("", Problems(File.ReadAllText(schemaPath), text));
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "config.schema.json", "log_levl: DEBUG", "log_levl" },
        { "config.schema.json", "persist_hosts_block: \"maybe\"", "persist_hosts_block" },
        { "config.schema.json", "metrics_listen: \"9464\"", "metrics_listen" },
        { "lb.schema.json", LbText + "strategy: fastest\n", "strategy" },
        { "lb.schema.json", LbText + "strategy: random\nperiod: 3\n", "period" },
        { "lb.schema.json", LbText.Replace("port: 9000", "port: 70000") + "strategy: random\n",
            "port" },
        { "lb.schema.json", LbText.Replace("port: 9000", "port: 9000\n    path: /h") +
                            "strategy: random\n", "path" },
        { "lb.schema.json", LbText.Replace("local_host: s3.test", "local_host: \"a b\"") +
                            "strategy: random\n", "local_host" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_the_reader_reports_is_flagged_by_the_schema_too(
        string schema, string yaml, string key)
    {
        Assert.Contains(key, Problems(File.ReadAllText(SchemaPath(schema)), yaml));
        var lb = LbConfigReader.Read("lb.yml", yaml);
        var main = MainConfigReader.Read("config.yml", yaml, "/etc");
        var reader = schema == "lb.schema.json"
            ? lb.Errors + lb.Warnings
            : main.Errors + main.Warnings;
        Assert.Contains(reader, e => e.ToString().Contains(key, StringComparison.Ordinal));
    }

    const string LbText = """
        name: s3
        local_host: s3.test
        backend_hosts: [10.0.0.1]
        healthcheck:
          type: tcp
          period: 5
          config:
            port: 9000

        """;

    /// <summary>Every validation error, one per line with where it is; "" when valid.</summary>
    static string Problems(string schemaText, string yaml)
    {
        var schema = JsonSchema.FromText(schemaText);
        var instance = JsonSerializer.SerializeToElement(YamlJson.Convert(yaml));
        var result = schema.Evaluate(instance,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return "";
        return string.Join("\n", (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));
    }

    static IEnumerable<string> Keys(JsonObject place) =>
        place["properties"]!.AsObject().Select(p => p.Key);

    static JsonObject At(JsonObject schema, string dotted) =>
        dotted.Length == 0
            ? schema
            : dotted.Split('.').Aggregate(schema, (node, part) => node[part]!.AsObject());

    /// <summary>A property that is only a local $ref takes its description from the
    /// target.</summary>
    static JsonObject Resolve(JsonObject schema, JsonObject property) =>
        property.ContainsKey("description") || property["$ref"] is not JsonValue r
            ? property
            : At(schema, ((string)r!)[2..].Replace('/', '.'));

    static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(SchemaPath(name)))!.AsObject();

    static string SchemaPath(string name) => Path.Combine(Root, "examples", "schema", name);

    static string FindRoot()
    {
        var at = new DirectoryInfo(AppContext.BaseDirectory);
        while (at is not null && !File.Exists(Path.Combine(at.FullName, "Redirector.sln")))
            at = at.Parent;
        return at?.FullName ?? throw new InvalidOperationException("Redirector.sln not found");
    }

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex SchemaLine();
}
